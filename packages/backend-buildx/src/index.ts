import { cliImageStore, defineBackend, ensureBackend, parseIidfile } from "@bento/container-core";
import { buildxBuildArgs } from "./args.js";
import { buildxFingerprint } from "./fingerprint.js";
import { diagnoseBuildx } from "./health.js";
import { BUILDX_ENV, type BuildxOptions, buildxCapabilities, buildxOptions } from "./options.js";

export { buildxBuildArgs } from "./args.js";
export { diagnoseBuildx, parseBuildxVersion } from "./health.js";
export { BUILDX_ENV, type BuildxOptions, buildxCapabilities, buildxOptions } from "./options.js";
export { isLocalOutput, platformCount } from "./output.js";

declare module "@bento/container-core" {
  interface BackendOptionsMap {
    buildx: BuildxOptions;
  }
}

/** The buildx backend: `docker buildx build`. Registered on import. */
export const buildxBackend = defineBackend<BuildxOptions>("buildx", {
  source: "@bento/backend-buildx",
  description: "docker buildx build",
  binary: "docker",
  buildCommand: ["buildx", "build"],
  buildkitSupport: true,
  env: BUILDX_ENV,
  options: buildxOptions,
  capabilities: buildxCapabilities,
  imageId: { option: "iidfile", parse: parseIidfile },
  imageStore: cliImageStore,
  diagnose: diagnoseBuildx,
  healthFingerprint: buildxFingerprint,
  constructBuildArgs: buildxBuildArgs,
});

ensureBackend(buildxBackend);
