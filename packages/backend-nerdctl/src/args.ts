import { type BuildArgsInput, standardBuildArgs } from "@bento/container-core";
import { type NerdctlOptions, nerdctlOptions } from "./options.js";

/** The argv after `nerdctl build`: tags, file, options, extra args, then the context path. */
export function nerdctlBuildArgs(input: BuildArgsInput<NerdctlOptions>): string[] {
  return standardBuildArgs(nerdctlOptions, input);
}
