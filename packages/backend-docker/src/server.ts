import {
  formatArgv,
  type HealthContext,
  outputTail,
  probe,
  probeFailure,
  versionAtLeast,
} from "@bento/container-core";
import { dockerEndpoint, dockerEndpointHint, withoutCertPath } from "./endpoint.js";

/**
 * The oldest docker server with BuildKit, which buildx builds with too (18.09 runs
 * BuildKit builds without experimental mode: https://github.com/moby/moby/pull/37593).
 */
export const MIN_DOCKER_SERVER = "18.09";

/** How to get the docker CLI, for a report without one. */
export const DOCKER_INSTALL_HINT =
  "Install Docker Engine (Debian: `apt-get install docker.io`) and put `docker` on PATH.";

/** The report fields of a machine without the docker CLI; docker's and buildx's first step. */
export const DOCKER_MISSING = { reason: "`docker` is not on PATH", hint: DOCKER_INSTALL_HINT };

/**
 * The docker daemon's version and, when the CLI gave it, the CLI's own; or why
 * the daemon gave none (with a hint naming the setting to fix). Either way the
 * address the CLI dialed, when known.
 */
export type DockerServerAnswer = { endpoint?: string } & (
  | { version: string; clientVersion?: string }
  | { reason: string; hint: string }
);

/**
 * Asks the daemon behind `binary` for its version, and the CLI for its own, with
 * `docker version --format '{{json .Server.Version}} {{json .Client.Version}}'`.
 * Never throws.
 */
export async function dockerServerVersion(
  context: HealthContext,
  binary: string,
  env: HealthContext["env"],
): Promise<DockerServerAnswer> {
  const argv = [binary, "version", "--format", "{{json .Server.Version}} {{json .Client.Version}}"];
  const where = dockerEndpoint(context.env);
  const endpoint = where.address === undefined ? {} : { endpoint: where.address };
  const answer = await probe(context, argv, env);
  const failed = probeFailure(argv, answer, context.timeoutMs);
  if (failed) {
    const daemon = `the docker daemon at ${where.address ?? "an unknown address"} (${where.setting ?? "the default; DOCKER_HOST is not set"})`;
    const said = withoutCertPath(
      answer.timedOut ? failed : outputTail(answer, 2) || failed,
      context.env,
    );
    return {
      ...endpoint,
      reason: `${daemon} does not answer \`docker version\`: ${said}`,
      hint: dockerEndpointHint(where),
    };
  }
  const { version, clientVersion } = parseDockerVersions(answer.stdout);
  if (version !== undefined) return { ...endpoint, version, clientVersion };
  const said = withoutCertPath(outputTail(answer) || "nothing", context.env);
  return {
    ...endpoint,
    reason: `\`${formatArgv(argv)}\` answered ${said}, not a server version`,
    hint: dockerEndpointHint(where),
  };
}

/** The server and client versions in the output of the `docker version` format above. */
export function parseDockerVersions(stdout: string): { version?: string; clientVersion?: string } {
  const [server, client] = stdout.trim().split(/\s+/).map(jsonVersion);
  return { version: server, clientVersion: client };
}

function jsonVersion(text: string): string | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "string" && /^\d+\.\d+/.test(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Why a docker server is too old for what `needs` it (BuildKit, buildx), or
 * `undefined` when it is at least {@link MIN_DOCKER_SERVER}.
 */
export function serverTooOld(version: string, needs: string): string | undefined {
  if (versionAtLeast(version, MIN_DOCKER_SERVER)) return undefined;
  return `the docker server is ${version}; ${needs} needs ${MIN_DOCKER_SERVER} or newer`;
}
