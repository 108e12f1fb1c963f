import {
  DOCKER_MISSING,
  dockerServerVersion,
  serverTooOld,
} from "@bento/backend-docker/docker-cli";
import {
  backendEnv,
  findVersion,
  formatArgv,
  type HealthContext,
  type HealthReport,
  probe,
  probeFailure,
} from "@bento/container-core";
import { parseBuilderInspect, withheldByDriver } from "./builder.js";
import { BUILDX_ENV } from "./options.js";

const BUILDX_HINT =
  "Install the buildx plugin (Debian: docker-buildx) into /usr/libexec/docker/cli-plugins/ or ~/.docker/cli-plugins/.";

/**
 * Healthy when docker is (`docker` on PATH, a server of at least 18.09),
 * `docker buildx` is present (its help shows `--builder`) and the builder it
 * uses (`BUILDX_BUILDER`, else the current one) answers `docker buildx inspect`.
 * The report's version is that builder's BuildKit, which the capabilities
 * follow, with buildx's own as `clientVersion`; the docker driver withholds
 * attestations. Before a build the help is not asked: `docker buildx version`
 * fails just the same without the plugin.
 */
export async function diagnoseBuildx(context: HealthContext): Promise<HealthReport> {
  const binary = context.which("docker");
  const report = (fields: Partial<HealthReport>): HealthReport => ({
    backend: "buildx",
    healthy: false,
    binary,
    ...fields,
  });
  if (binary === undefined) return report(DOCKER_MISSING);
  const env = backendEnv({ env: BUILDX_ENV }, context.env);
  const run = async (argv: string[]) => {
    const result = await probe(context, argv, env);
    return { result, failed: probeFailure(argv, result, context.timeoutMs) };
  };

  // The probes run at once (each buildx one starts the plugin, about 0.5 s here); the
  // report still names the first that failed, in this order.
  const helpArgv = [binary, "buildx", "--help"];
  const versionArgv = [binary, "buildx", "version"];
  const inspectArgv = [binary, "buildx", "inspect"];
  const [server, help, version, inspect] = await Promise.all([
    dockerServerVersion(context, binary, env),
    context.purpose === "build" ? undefined : run(helpArgv),
    run(versionArgv),
    run(inspectArgv),
  ]);
  if (!("version" in server)) return report(server);
  const tooOld = serverTooOld(server.version, "buildx");
  if (tooOld) return report({ reason: tooOld, hint: "Upgrade Docker Engine." });

  if (help?.failed) return report({ reason: help.failed, hint: BUILDX_HINT });
  if (help && !help.result.stdout.includes("--builder")) {
    return report({
      reason: `\`${formatArgv(helpArgv)}\` does not show --builder: the buildx plugin is missing`,
      hint: BUILDX_HINT,
    });
  }
  if (version.failed) return report({ reason: version.failed, hint: BUILDX_HINT });
  const clientVersion = parseBuildxVersion(version.result.stdout);
  const chosen = env.BUILDX_BUILDER
    ? `builder ${env.BUILDX_BUILDER} (BUILDX_BUILDER)`
    : "the current builder";
  const builder = parseBuilderInspect(inspect.result.stdout);
  if (inspect.failed || builder === undefined) {
    return report({
      clientVersion,
      reason: `${chosen} does not answer: ${inspect.failed ?? "`docker buildx inspect` names no builder"}`,
      hint: env.BUILDX_BUILDER
        ? "Set BUILDX_BUILDER to a builder `docker buildx ls` lists, and make sure its endpoint runs."
        : "Select a working builder with `docker buildx use NAME` or BUILDX_BUILDER.",
    });
  }
  const withheld = withheldByDriver(builder);
  return {
    backend: "buildx",
    healthy: true,
    binary,
    version: builder.buildkitVersion,
    clientVersion,
    // A docker-driver builder's endpoint is a docker context name (`default`): its daemon's address says more.
    endpoint:
      builder.driver === "docker" ? (server.endpoint ?? builder.endpoint) : builder.endpoint,
    builder: `${builder.name} (${builder.driver} driver)`,
    ...(Object.keys(withheld).length ? { withheld } : {}),
  };
}

/** buildx's version in `docker buildx version` output: `github.com/docker/buildx 0.13.1+ds1 ...`. */
export function parseBuildxVersion(stdout: string): string | undefined {
  const [, version] = stdout.trim().split(/\s+/);
  return version === undefined ? undefined : findVersion(version);
}
