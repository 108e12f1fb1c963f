import { type BuildCommandContext, versionAtLeast } from "@bento/container-core";
import { dockerContextName, findDockerPlugin, readDockerConfig } from "./cli-config.js";

/**
 * The first docker CLI that hands `docker build` to the buildx plugin:
 * https://github.com/docker/cli/pull/3314 (in https://github.com/moby/moby/releases/tag/v23.0.0).
 */
export const FORWARDING_CLI = "23.0";

/**
 * `buildx build --builder <context>` wherever `docker build` would hand the
 * build to buildx itself: a CLI of 23.0 or newer, `DOCKER_BUILDKIT` not off, no
 * `builder` alias in the CLI's config, and the buildx plugin installed. Same
 * build, same builder (the current context's, which `docker build` pins; a
 * builder the user names is kept), without the CLI's two plugin look-ups before
 * it. Anywhere else `undefined`: `docker build` runs and decides for itself.
 * `findPlugin` looks for the plugin as the CLI does (replaceable in tests).
 */
export function dockerBuildCommand(
  context: BuildCommandContext,
  findPlugin: typeof findDockerPlugin = findDockerPlugin,
): readonly string[] | undefined {
  const { env, report, args } = context;
  if (!versionAtLeast(report.clientVersion, FORWARDING_CLI)) return undefined;
  if (!buildkitOn(env.DOCKER_BUILDKIT)) return undefined;
  const config = readDockerConfig(env);
  // `docker buildx install` aliases `builder` in the CLI's config, which changes what
  // `docker build` runs: https://github.com/docker/cli/issues/3789
  if (config?.aliases?.builder !== undefined) return undefined;
  if (findPlugin("buildx", env, config) === undefined) return undefined;
  const named =
    Boolean(env.BUILDX_BUILDER) ||
    args.some((arg) => arg === "--builder" || arg.startsWith("--builder="));
  if (named) return ["buildx", "build"];
  return ["buildx", "build", "--builder", dockerContextName(env, config)];
}

/**
 * `DOCKER_BUILDKIT` as the docker CLI reads it (Go's boolean syntax,
 * https://pkg.go.dev/strconv#ParseBool); unset counts as on.
 */
function buildkitOn(value: string | undefined): boolean {
  return value === undefined || ["1", "t", "T", "TRUE", "true", "True"].includes(value);
}
