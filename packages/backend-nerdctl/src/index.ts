import { defineBackend, ensureBackend, parseIidfile } from "@bento/container-core";
import { nerdctlBuildArgs } from "./args.js";
import { diagnoseNerdctl } from "./health.js";
import { type NerdctlOptions, nerdctlCapabilities, nerdctlOptions } from "./options.js";

export { nerdctlBuildArgs } from "./args.js";
export { diagnoseNerdctl } from "./health.js";
export { type NerdctlOptions, nerdctlCapabilities, nerdctlOptions } from "./options.js";

declare module "@bento/container-core" {
  interface BackendOptionsMap {
    nerdctl: NerdctlOptions;
  }
}

/** The nerdctl backend: `nerdctl build` on containerd and BuildKit. Registered on import. */
export const nerdctlBackend = defineBackend<NerdctlOptions>("nerdctl", {
  source: "@bento/backend-nerdctl",
  description: "nerdctl build (containerd + BuildKit)",
  buildkitSupport: true,
  env: {},
  options: nerdctlOptions,
  capabilities: nerdctlCapabilities,
  imageId: { option: "iidfile", parse: parseIidfile },
  diagnose: diagnoseNerdctl,
  constructBuildArgs: nerdctlBuildArgs,
});

ensureBackend(nerdctlBackend);
