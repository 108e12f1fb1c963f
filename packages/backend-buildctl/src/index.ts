import { defineBackend, ensureBackend } from "@bento/container-core";
import { buildctlBuildArgs, buildctlLoadCommand } from "./args.js";
import { diagnoseBuildctl } from "./health.js";
import { parseMetadataFile } from "./image-id.js";
import { type BuildctlOptions, buildctlCapabilities, buildctlOptions } from "./options.js";

export { buildctlBuildArgs, buildctlLoadCommand } from "./args.js";
export { diagnoseBuildctl } from "./health.js";
export { parseMetadataFile } from "./image-id.js";
export {
  type BuildctlOptions,
  buildctlCapabilities,
  buildctlFlags,
  buildctlFrontendOptions,
  buildctlOptions,
} from "./options.js";
export { type AutoOutput, autoOutput } from "./output.js";

declare module "@bento/container-core" {
  interface BackendOptionsMap {
    buildctl: BuildctlOptions;
  }
}

/** The buildctl backend: `buildctl build` against buildkitd. Registered on import. */
export const buildctlBackend = defineBackend<BuildctlOptions>("buildctl", {
  source: "@bento/backend-buildctl",
  description: "buildctl build (BuildKit)",
  buildkitSupport: true,
  env: {},
  options: buildctlOptions,
  capabilities: buildctlCapabilities,
  imageId: { option: "metadataFile", parse: parseMetadataFile },
  diagnose: diagnoseBuildctl,
  constructBuildArgs: buildctlBuildArgs,
  loadCommand: buildctlLoadCommand,
});

ensureBackend(buildctlBackend);
