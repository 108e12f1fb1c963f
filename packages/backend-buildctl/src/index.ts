import { defineBackend, ensureBackend } from "@bento/container-core";
import { buildctlBuildArgs, buildctlLoadCommand } from "./args.js";
import { buildkitEndpoint, TLS_DIR_SETTING } from "./endpoint.js";
import { diagnoseBuildctl } from "./health.js";
import { parseMetadataFile } from "./image-id.js";
import { copyFromNamedContext } from "./named-context.js";
import { type BuildctlOptions, buildctlCapabilities, buildctlOptions } from "./options.js";

export { buildctlBuildArgs, buildctlLoadCommand } from "./args.js";
export {
  type BuildkitEndpoint,
  buildkitEndpoint,
  DEFAULT_BUILDKIT_ADDRESS,
  TLS_DIR_SETTING,
} from "./endpoint.js";
export { daemonVersion, diagnoseBuildctl } from "./health.js";
export { parseMetadataFile } from "./image-id.js";
export { CONTEXT_NAME, contextLocalName, copyFromNamedContext } from "./named-context.js";
export {
  type BuildctlOptions,
  buildctlCapabilities,
  buildctlFlags,
  buildctlFrontendOptions,
  buildctlOptions,
  buildctlOutputOptions,
} from "./options.js";
export { type AutoOutput, autoOutput, LOADERS, type Loader, type OutputChoice } from "./output.js";

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
  // The certificates' directory goes into the argv (buildctl reads no variable for it).
  hiddenEnv: [TLS_DIR_SETTING],
  options: buildctlOptions,
  capabilities: buildctlCapabilities,
  imageId: { option: "metadataFile", parse: parseMetadataFile },
  diagnose: diagnoseBuildctl,
  constructBuildArgs: buildctlBuildArgs,
  // COPY reads the context through a named context: its upload is kept per bento, not per daemon.
  adaptContainerfile: copyFromNamedContext,
  // The connection's flags are buildctl's global ones: they go before `build`.
  buildCommandFor: ({ env }) => {
    const { globalArgs } = buildkitEndpoint(env);
    return globalArgs.length ? [...globalArgs, "build"] : undefined;
  },
  loadCommand: buildctlLoadCommand,
});

ensureBackend(buildctlBackend);
