import { homedir } from "node:os";
import { join } from "node:path";
import { dockerFingerprint, type HealthContext } from "@bento/container-core";

/** Where the docker CLI looks for the buildx plugin, in its own order. */
export function pluginCandidates(env: HealthContext["env"]): string[] {
  const config = env.DOCKER_CONFIG || join(homedir(), ".docker");
  return [
    config,
    "/usr/local/lib/docker",
    "/usr/local/libexec/docker",
    "/usr/lib/docker",
    "/usr/libexec/docker",
  ].map((dir) => join(dir, "cli-plugins", "docker-buildx"));
}

/** docker's fingerprint plus every place the buildx plugin may be installed. */
export function buildxFingerprint(context: HealthContext): Promise<string | undefined> {
  return dockerFingerprint(context, pluginCandidates(context.env));
}
