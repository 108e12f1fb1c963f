import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { dockerConfigDir, dockerContextName, readDockerConfig } from "./cli-config.js";

type Env = Readonly<Record<string, string | undefined>>;

/** The docker daemon's address on Linux when nothing else is configured. */
export const DEFAULT_DOCKER_HOST = "unix:///var/run/docker.sock";

/** Where the docker CLI connects, and what set it. */
export interface DockerEndpoint {
  /** The address the CLI dials (`unix://…`, `tcp://…`, `ssh://…`), or `undefined` when unknown. */
  address?: string;
  /** `DOCKER_HOST`, `docker context NAME`, or `undefined` for the default socket. */
  setting?: string;
}

/**
 * The daemon the docker CLI talks to, resolved as the CLI does: `DOCKER_HOST`,
 * else the context `DOCKER_CONTEXT` or the config's `currentContext` names (its
 * `meta.json` under `contexts/meta/<sha256 of the name>/`), else the default
 * socket. Reads files, runs nothing, never throws.
 * https://docs.docker.com/engine/manage-resources/contexts/
 */
export function dockerEndpoint(env: Env): DockerEndpoint {
  if (env.DOCKER_HOST) return { address: env.DOCKER_HOST, setting: "DOCKER_HOST" };
  const name = dockerContextName(env, readDockerConfig(env));
  if (name === "default") return { address: DEFAULT_DOCKER_HOST };
  const setting = `docker context ${name}`;
  const digest = createHash("sha256").update(name).digest("hex");
  try {
    const meta = JSON.parse(
      readFileSync(join(dockerConfigDir(env), "contexts", "meta", digest, "meta.json"), "utf8"),
    ) as { Endpoints?: { docker?: { Host?: unknown } } };
    const host = meta.Endpoints?.docker?.Host;
    return { address: typeof host === "string" ? host : undefined, setting };
  } catch {
    return { setting };
  }
}

/**
 * The settings a user changes to reach that daemon, for a hint: the address's
 * own, plus the TLS variables for a TCP address.
 */
export function dockerEndpointHint(endpoint: DockerEndpoint): string {
  const where = endpoint.address ?? "the daemon";
  if (endpoint.setting?.startsWith("docker context ")) {
    return `Start the Docker daemon at ${where}, or fix ${endpoint.setting} (\`docker context inspect\`) or choose another with DOCKER_CONTEXT.`;
  }
  if (endpoint.setting === "DOCKER_HOST") {
    const tls = endpoint.address?.startsWith("tcp://")
      ? " For a TLS endpoint set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH to the directory with its ca.pem, cert.pem and key.pem."
      : "";
    return `Start the Docker daemon at ${where} or set DOCKER_HOST to one that runs.${tls}`;
  }
  return "Start the Docker daemon (`systemctl start docker`, or `dockerd`), or point DOCKER_HOST at a running one.";
}

/** `text` with the certificates' directory (`DOCKER_CERT_PATH`) replaced by the variable's name. */
export function withoutCertPath(text: string, env: Env): string {
  const dir = env.DOCKER_CERT_PATH?.trim();
  return dir ? text.replaceAll(dir, "$DOCKER_CERT_PATH") : text;
}
