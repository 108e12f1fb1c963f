import type { CommonBuildOptions } from "./types.js";

/** Keys of `build()` options that are not backend options. */
export const BUILD_OPTION_KEYS = [
  "backend",
  "imageTag",
  "features",
  "layout",
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

const BUILD_KEYS: ReadonlySet<string> = new Set(BUILD_OPTION_KEYS);

/** Splits flattened `build()` options into build-level and backend options. */
export function splitOptions(options: object): {
  common: CommonBuildOptions & { backend?: string };
  backend: Record<string, unknown>;
} {
  const common: Record<string, unknown> = {};
  const backend: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options)) {
    if (value === undefined) continue;
    (BUILD_KEYS.has(key) ? common : backend)[key] = value;
  }
  return { common: common as CommonBuildOptions & { backend?: string }, backend };
}
