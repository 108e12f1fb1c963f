import { join } from "node:path";
import { dockerConfigDir, dockerFingerprint } from "@bento/backend-docker/docker-cli";
import { fileIdentity, type HealthContext } from "@bento/container-core";

/**
 * docker's fingerprint plus every place the docker CLI may load the buildx
 * plugin from, and what picks the builder: `BUILDX_CONFIG` and the `current`
 * file `docker buildx use` writes (`BUILDX_BUILDER` is among docker's variables).
 */
export async function buildxFingerprint(context: HealthContext): Promise<string | undefined> {
  const docker = await dockerFingerprint(context, ["buildx"]);
  if (docker === undefined) return undefined;
  const config = context.env.BUILDX_CONFIG || join(dockerConfigDir(context.env), "buildx");
  const current = await fileIdentity(join(config, "current"));
  return [docker, `BUILDX_CONFIG=${context.env.BUILDX_CONFIG ?? ""}`, current ?? "no current"].join(
    "\n",
  );
}
