import type { CommonBuildOptions } from "./types.js";

/**
 * Keys of `build()` options that are not backend options: the one list the
 * CLI's `--opt` check reads too.
 */
export const BUILD_OPTION_KEYS = [
  "backend",
  "imageTag",
  "features",
  "layout",
  "environmentImage",
  "baseImage",
  "frontend",
  "labels",
  "reproducible",
  "runAsRoot",
  "dryRun",
  "signal",
  "onEvent",
  "env",
  "cwd",
] as const satisfies readonly (keyof CommonBuildOptions | "backend")[];

/** A key of `build()` options that is not a backend option. */
export type BuildOptionKey = (typeof BUILD_OPTION_KEYS)[number];

const BUILD_KEYS: ReadonlySet<string> = new Set(BUILD_OPTION_KEYS);

/**
 * Splits `build()` options into build-level and backend options: the
 * `backendOptions` entry, and any other key set beside the build-level ones
 * (the flat form), where `backendOptions` wins.
 */
export function splitOptions(options: object): {
  common: CommonBuildOptions & { backend?: string };
  backend: Record<string, unknown>;
} {
  const common: Record<string, unknown> = {};
  const backend: Record<string, unknown> = {};
  const { backendOptions = {}, ...rest } = options as { backendOptions?: object };
  for (const [key, value] of Object.entries(rest)) {
    if (value !== undefined) (BUILD_KEYS.has(key) ? common : backend)[key] = value;
  }
  for (const [key, value] of Object.entries(backendOptions)) {
    if (value !== undefined) backend[key] = value;
  }
  return { common: common as CommonBuildOptions & { backend?: string }, backend };
}
