import { type BuildArgsInput, standardBuildArgs } from "@bento/container-core";
import { type DockerOptions, dockerOptions } from "./options.js";

/** The argv after `docker build`: tags, file, options, extra args, then the context path. */
export function dockerBuildArgs(input: BuildArgsInput<DockerOptions>): string[] {
  // `--disable-content-trust` is dropped: BuildKit builds never verify content trust
  // (https://github.com/docker/buildx/issues/987) and `docker build` through buildx rejects
  // the flag (https://github.com/docker/cli/issues/4546);
  // the legacy builder skips verification by default anyway.
  const { disableContentTrust: _dropped, ...options } = input;
  const { isolation, hostPlatform = process.platform, warn = console.warn } = input;
  if (input.disableContentTrust)
    warn("docker: disableContentTrust writes no flag: BuildKit builds never verify content trust.");
  if (isolation !== undefined && isolation !== "default" && hostPlatform !== "win32") {
    warn(`docker: isolation "${isolation}" only works on Windows hosts.`);
  }
  return standardBuildArgs(dockerOptions, options);
}
