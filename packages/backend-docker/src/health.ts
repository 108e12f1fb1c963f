import {
  backendEnv,
  type HealthContext,
  type HealthReport,
  probe,
  probeFailure,
  usesBuildkit,
} from "@bento/container-core";
import { DOCKER_ENV } from "./options.js";
import { DOCKER_MISSING, dockerServerVersion, serverTooOld } from "./server.js";

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
  if (binary === undefined) return report(DOCKER_MISSING);
  const env = backendEnv({ env: DOCKER_ENV }, context.env);

  const buildkit = usesBuildkit({ buildkitSupport: true, env: DOCKER_ENV }, context.env);
  const helpArgv = [binary, "build", "--help"];
  // On docker 23+ `docker build --help` starts the buildx plugin, which takes most of the
  // check's time (about 0.5 s here): it runs alongside `docker version`, and not before a build.
  const askHelp = buildkit && context.purpose !== "build";
  const [server, help] = await Promise.all([
    dockerServerVersion(context, binary, env),
    askHelp ? probe(context, helpArgv, env) : undefined,
  ]);
  if (!("version" in server)) return report(server);
  const { version, clientVersion, endpoint } = server;
  const tooOld = buildkit ? serverTooOld(version, "BuildKit") : undefined;
  if (tooOld) {
    return report({
      version,
      endpoint,
      reason: tooOld,
      hint: "Upgrade Docker Engine, or set DOCKER_BUILDKIT=0 to use the legacy builder.",
    });
  }
  if (help) {
    // Docker CLI 23+ hands BuildKit builds to the buildx plugin and fails without it:
    // https://github.com/moby/moby/releases/tag/v23.0.0 (docker/cli#3314).
    const broken = probeFailure(helpArgv, help, context.timeoutMs);
    if (broken) {
      return report({
        version,
        endpoint,
        reason: broken,
        hint: "Install the docker buildx plugin (Debian: docker-buildx), or set DOCKER_BUILDKIT=0.",
      });
    }
  }
  return {
    backend: "docker",
    healthy: true,
    binary,
    version,
    ...(clientVersion && { clientVersion }),
    ...(endpoint && { endpoint }),
  };
}
