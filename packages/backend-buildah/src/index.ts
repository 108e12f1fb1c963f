import { defineBackend, ensureBackend, parseIidfile } from "@bento/container-core";
import { buildahBuildArgs } from "./args.js";
import { buildahFingerprint, diagnoseBuildah } from "./health.js";
import { buildahImageStore } from "./image-store.js";
import {
  BUILDAH_ENV,
  type BuildahOptions,
  buildahCapabilities,
  buildahOptions,
} from "./options.js";

export { buildahBuildArgs } from "./args.js";
export { buildahFingerprint, diagnoseBuildah } from "./health.js";
export { buildahImageStore } from "./image-store.js";
export {
  BUILDAH_ENV,
  type BuildahOptions,
  buildahCapabilities,
  buildahOptions,
} from "./options.js";

declare module "@bento/container-core" {
  interface BackendOptionsMap {
    buildah: BuildahOptions;
  }
}

/** The buildah backend: `buildah build`, daemonless, no BuildKit. Registered on import. */
export const buildahBackend = defineBackend<BuildahOptions>("buildah", {
  source: "@bento/backend-buildah",
  description: "buildah build (daemonless)",
  buildkitSupport: false,
  env: BUILDAH_ENV,
  options: buildahOptions,
  capabilities: buildahCapabilities,
  imageId: { option: "iidfile", parse: parseIidfile },
  // buildah keeps no layer cache unless asked: https://github.com/containers/buildah/blob/main/docs/buildah-build.1.md#options (--layers)
  layeredDefaults: { layers: true },
  imageStore: buildahImageStore,
  // One COPY of a context narrowed by an ignore file: https://github.com/containers/buildah/blob/main/docs/buildah-build.1.md#options (--ignorefile)
  environmentImage: {
    options: { extraArgs: ["--layers=false"] },
    ignoreFileFlag: "--ignorefile",
    codeOptions: { pull: "never" },
  },
  diagnose: diagnoseBuildah,
  healthFingerprint: (context) => buildahFingerprint(context),
  constructBuildArgs: buildahBuildArgs,
});

ensureBackend(buildahBackend);
