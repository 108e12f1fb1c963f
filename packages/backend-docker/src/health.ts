import {
  backendEnv,
  formatArgv,
  type HealthContext,
  type HealthReport,
  outputTail,
  probe,
  probeFailure,
  usesBuildkit,
  versionAtLeast,
} from "@bento/container-core";
import { DOCKER_ENV } from "./options.js";

/** The oldest docker server with BuildKit. */
export const MIN_DOCKER_SERVER = "18.09";

const INSTALL_HINT =
  "Install Docker Engine (Debian: `apt-get install docker.io`) and put `docker` on PATH.";
const DAEMON_HINT =
  "Start the Docker daemon (`systemctl start docker`, or `dockerd`), or point DOCKER_HOST at a running one.";

/**
 * Healthy when `docker` is on PATH, the daemon answers with a server version of
 * at least 18.09, and (BuildKit being on) the CLI can start a BuildKit build.
 * Before a build only the server is asked: a CLI that cannot start BuildKit
 * fails the build at once, and the full check after it names the cause.
 */
export async function diagnoseDocker(context: HealthContext): Promise<HealthReport> {
  const binary = context.which("docker");
  const report = (fields: Partial<HealthReport>): HealthReport => ({
    backend: "docker",
    healthy: false,
    binary,
    ...fields,
  });
  if (binary === undefined)
    return report({ reason: "`docker` is not on PATH", hint: INSTALL_HINT });
  const env = backendEnv({ env: DOCKER_ENV }, context.env);

  const versionArgv = [binary, "version", "--format", "{{json .Server.Version}}"];
  const buildkit = usesBuildkit({ buildkitSupport: true, env: DOCKER_ENV }, context.env);
  const helpArgv = [binary, "build", "--help"];
  // On docker 23+ `docker build --help` starts the buildx plugin, which takes most of the
  // check's time (about 0.5 s here): it runs alongside `docker version`, and not before a build.
  const askHelp = buildkit && context.purpose !== "build";
  const [answer, help] = await Promise.all([
    probe(context, versionArgv, env),
    askHelp ? probe(context, helpArgv, env) : undefined,
  ]);
  const failed = probeFailure(versionArgv, answer, context.timeoutMs);
  if (failed) return report({ reason: failed, hint: DAEMON_HINT });
  const version = parseServerVersion(answer.stdout);
  if (version === undefined) {
    const said = outputTail(answer) || "nothing";
    return report({
      reason: `\`${formatArgv(versionArgv)}\` answered ${said}, not a server version`,
      hint: DAEMON_HINT,
    });
  }
  if (buildkit && !versionAtLeast(version, MIN_DOCKER_SERVER)) {
    return report({
      version,
      reason: `the docker server is ${version}; BuildKit needs ${MIN_DOCKER_SERVER} or newer`,
      hint: "Upgrade Docker Engine, or set DOCKER_BUILDKIT=0 to use the legacy builder.",
    });
  }
  if (help) {
    // Docker CLI 23+ hands BuildKit builds to the buildx plugin and fails without it.
    const broken = probeFailure(helpArgv, help, context.timeoutMs);
    if (broken) {
      return report({
        version,
        reason: broken,
        hint: "Install the docker buildx plugin (Debian: docker-buildx), or set DOCKER_BUILDKIT=0.",
      });
    }
  }
  return { backend: "docker", healthy: true, binary, version };
}

/** The server version in `docker version --format '{{json .Server.Version}}'` output. */
export function parseServerVersion(stdout: string): string | undefined {
  try {
    const value: unknown = JSON.parse(stdout.trim());
    return typeof value === "string" && /^\d+\.\d+/.test(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
