import {
  backendEnv,
  findVersion,
  formatArgv,
  type HealthContext,
  type HealthReport,
  outputTail,
  probe,
  probeFailure,
  versionAtLeast,
} from "@bento/container-core";
import { BUILDX_ENV } from "./options.js";

const INSTALL_HINT =
  "Install Docker Engine (Debian: `apt-get install docker.io`) and put `docker` on PATH.";
const DAEMON_HINT =
  "Start the Docker daemon (`systemctl start docker`, or `dockerd`), or point DOCKER_HOST at a running one.";
const BUILDX_HINT =
  "Install the buildx plugin (Debian: docker-buildx) into /usr/libexec/docker/cli-plugins/ or ~/.docker/cli-plugins/.";

/**
 * Healthy when docker is (`docker` on PATH, a server of at least 18.09) and
 * `docker buildx` is present (its help shows `--builder`). The report's version
 * is buildx's own, which gates attestations.
 */
export async function diagnoseBuildx(context: HealthContext): Promise<HealthReport> {
  const binary = context.which("docker");
  const report = (fields: Partial<HealthReport>): HealthReport => ({
    backend: "buildx",
    healthy: false,
    binary,
    ...fields,
  });
  if (binary === undefined)
    return report({ reason: "`docker` is not on PATH", hint: INSTALL_HINT });
  const env = backendEnv({ env: BUILDX_ENV }, context.env);
  const run = async (argv: string[]) => {
    const result = await probe(context, argv, env);
    return { result, failed: probeFailure(argv, result, context.timeoutMs) };
  };

  // docker's own check, repeated here: backends do not depend on each other. The three
  // probes run at once (each buildx one starts the plugin, about 0.5 s here); the report
  // still names the first that failed, in this order.
  const serverArgv = [binary, "version", "--format", "{{json .Server.Version}}"];
  const helpArgv = [binary, "buildx", "--help"];
  const versionArgv = [binary, "buildx", "version"];
  const [server, help, version] = await Promise.all([
    run(serverArgv),
    run(helpArgv),
    run(versionArgv),
  ]);
  if (server.failed) return report({ reason: server.failed, hint: DAEMON_HINT });
  const serverVersion = /^"(\d+\.\d+[^"]*)"$/.exec(server.result.stdout.trim())?.[1];
  if (serverVersion === undefined || !versionAtLeast(serverVersion, "18.09")) {
    const said = outputTail(server.result) || "nothing";
    return report({
      reason: `\`${formatArgv(serverArgv)}\` answered ${said}; buildx needs a docker server of 18.09 or newer`,
      hint: DAEMON_HINT,
    });
  }

  if (help.failed) return report({ reason: help.failed, hint: BUILDX_HINT });
  if (!help.result.stdout.includes("--builder")) {
    return report({
      reason: `\`${formatArgv(helpArgv)}\` does not show --builder: the buildx plugin is missing`,
      hint: BUILDX_HINT,
    });
  }
  if (version.failed) return report({ reason: version.failed, hint: BUILDX_HINT });
  return {
    backend: "buildx",
    healthy: true,
    binary,
    version: parseBuildxVersion(version.result.stdout),
  };
}

/** buildx's version in `docker buildx version` output: `github.com/docker/buildx 0.13.1+ds1 ...`. */
export function parseBuildxVersion(stdout: string): string | undefined {
  const [, version] = stdout.trim().split(/\s+/);
  return version === undefined ? undefined : findVersion(version);
}
