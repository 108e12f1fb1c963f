import { type BuildArgsInput, standardBuildArgs } from "@bento/container-core";
import { type PodmanOptions, podmanOptions } from "./options.js";

/** The argv after `podman build`: tags, file, options, extra args, then the context path. */
export function podmanBuildArgs(input: BuildArgsInput<PodmanOptions>): string[] {
  return standardBuildArgs(podmanOptions, input);
}
