import { stat } from "node:fs/promises";
import { join } from "node:path";
import type { HealthContext } from "./contract.js";
import {
  dockerConfigDir,
  dockerContextName,
  dockerPluginCandidates,
  readDockerConfig,
} from "./docker-cli.js";

/**
 * A file's identity for a health fingerprint: inode, size and change times, so
 * a replaced binary or a re-created socket reads differently; `undefined` when
 * the file is missing.
 */
export async function fileIdentity(path: string): Promise<string | undefined> {
  const found = await stat(path).catch(() => undefined);
  return found && `${path}@${found.ino}:${found.size}:${found.mtimeMs}:${found.ctimeMs}`;
}

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

/** The unix socket of the daemon the docker CLI will use, or `undefined` when it is not one. */
function daemonSocket(env: HealthContext["env"], contextName: string): string | undefined {
  const host = env.DOCKER_HOST;
  if (host) return host.startsWith("unix://") ? host.slice("unix://".length) : undefined;
  return contextName === "default" ? "/var/run/docker.sock" : undefined;
}
