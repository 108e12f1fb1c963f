import { type BuildArgsInput, standardBuildArgs } from "@bento/container-core";
import { type BuildahOptions, buildahOptions } from "./options.js";

/**
 * The argv after `buildah build`: tags, file, options, extra args, then the
 * context path. `pullAlways`/`pullNever` are written `--pull=always`/`--pull=never`.
 */
export function buildahBuildArgs(input: BuildArgsInput<BuildahOptions>): string[] {
  return standardBuildArgs(buildahOptions, input);
}
