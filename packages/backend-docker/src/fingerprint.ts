import { join } from "node:path";
import { fileIdentity, type HealthContext } from "@bento/container-core";
import {
  dockerConfigDir,
  dockerContextName,
  dockerPluginCandidates,
  readDockerConfig,
} from "./cli-config.js";

/** Variables that choose the docker daemon, its client settings or the builder. */
const DOCKER_VARIABLES = [
  "DOCKER_HOST",
  "DOCKER_CONTEXT",
  "DOCKER_CONFIG",
  "DOCKER_BUILDKIT",
  "DOCKER_TLS_VERIFY",
  "DOCKER_CERT_PATH",
  "BUILDX_BUILDER",
] as const;

/**
 * Fingerprint of a docker CLI and the local daemon it talks to: the binary, the
 * daemon's unix socket (re-created each time the daemon starts), the CLI's
 * config file and the variables above, plus every place the CLI may load the
 * named `plugins` from (buildx). `undefined` for a daemon the fingerprint
 * cannot see: a TCP or SSH host, or a docker context other than `default`.
 */
export async function dockerFingerprint(
  context: HealthContext,
  plugins: readonly string[] = [],
): Promise<string | undefined> {
  const binary = context.which("docker");
  const env = context.env;
  const config = readDockerConfig(env);
  const socket = daemonSocket(env, dockerContextName(env, config));
  if (binary === undefined || socket === undefined) return undefined;
  const pluginFiles = plugins.flatMap((name) => dockerPluginCandidates(name, env, config));
  const [binaryId, socketId, configId, ...pluginIds] = await Promise.all(
    [binary, socket, join(dockerConfigDir(env), "config.json"), ...pluginFiles].map(fileIdentity),
  );
  if (binaryId === undefined || socketId === undefined) return undefined;
  const variables = DOCKER_VARIABLES.map((name) => `${name}=${env[name] ?? ""}`);
  return [binaryId, socketId, configId ?? "no config", ...pluginIds, ...variables].join("\n");
}

/**
 * The unix socket of the daemon the docker CLI will use, or `undefined` when it
 * is not one. Without `DOCKER_HOST` the default context's daemon listens on
 * /var/run/docker.sock: https://docs.docker.com/reference/cli/dockerd/#daemon-socket-option
 */
function daemonSocket(env: HealthContext["env"], contextName: string): string | undefined {
  const host = env.DOCKER_HOST;
  if (host) return host.startsWith("unix://") ? host.slice("unix://".length) : undefined;
  return contextName === "default" ? "/var/run/docker.sock" : undefined;
}
