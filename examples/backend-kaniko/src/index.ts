import { defineBackend, ensureBackend, parseIidfile } from "@bento/container-core";
import { kanikoBuildArgs } from "./args.js";
import { kanikoExecutor } from "./executor.js";
import { diagnoseKaniko } from "./health.js";
import { type KanikoOptions, kanikoCapabilities, kanikoOptions } from "./options.js";

export { kanikoBuildArgs } from "./args.js";
export { KANIKO_IMAGE_EXECUTOR, kanikoExecutor } from "./executor.js";
export { diagnoseKaniko } from "./health.js";
export { type KanikoOptions, kanikoCapabilities, kanikoOptions } from "./options.js";

// Teaches `build()` the kaniko options: `build(ref, { backend: "kaniko", tarPath })`
// type-checks, and docker-only options such as `iidfile` are rejected.
declare module "@bento/container-core" {
  interface BackendOptionsMap {
    kaniko: KanikoOptions;
  }
}

/** The executor this process runs, chosen once on import. */
export const KANIKO_BINARY = kanikoExecutor();

/** The kaniko backend: the executor builds without a daemon. Registered on import. */
export const kanikoBackend = defineBackend<KanikoOptions>("kaniko", {
  source: "bento-backend-kaniko",
  description: "kaniko executor (no daemon; pushes, or writes a tarball)",
  binary: KANIKO_BINARY,
  // The executor builds when called with flags alone: there is no `build` subcommand.
  buildCommand: [],
  buildkitSupport: false,
  options: kanikoOptions,
  capabilities: kanikoCapabilities,
  imageId: { option: "digestFile", parse: parseIidfile },
  diagnose: (context) => diagnoseKaniko(context, KANIKO_BINARY),
  constructBuildArgs: kanikoBuildArgs,
});

ensureBackend(kanikoBackend);
