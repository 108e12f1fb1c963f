import { cliImageStore, defineBackend, ensureBackend, parseIidfile } from "@bento/container-core";
import { podmanBuildArgs } from "./args.js";
import { diagnosePodman, podmanFingerprint } from "./health.js";
import { PODMAN_ENV, type PodmanOptions, podmanCapabilities, podmanOptions } from "./options.js";

export { podmanBuildArgs } from "./args.js";
export { diagnosePodman, parseMachineState, podmanFingerprint } from "./health.js";
export { PODMAN_ENV, type PodmanOptions, podmanCapabilities, podmanOptions } from "./options.js";

declare module "@bento/container-core" {
  interface BackendOptionsMap {
    podman: PodmanOptions;
  }
}

/** The podman backend: `podman build`, daemonless, no BuildKit. Registered on import. */
export const podmanBackend = defineBackend<PodmanOptions>("podman", {
  source: "@bento/backend-podman",
  description: "podman build (daemonless)",
  buildkitSupport: false,
  env: PODMAN_ENV,
  options: podmanOptions,
  capabilities: podmanCapabilities,
  imageId: { option: "iidfile", parse: parseIidfile },
  imageStore: cliImageStore,
  // A cached podman build re-hashes every COPY source and commits each step:
  // the environment is its own image, the code goes on top, each in one commit.
  // One COPY of a context narrowed by an ignore file: https://docs.podman.io/en/latest/markdown/podman-build.1.html#ignorefile
  environmentImage: {
    options: { extraArgs: ["--layers=false"] },
    ignoreFileFlag: "--ignorefile",
    codeOptions: { pull: "never" },
  },
  diagnose: diagnosePodman,
  healthFingerprint: (context) => podmanFingerprint(context),
  constructBuildArgs: podmanBuildArgs,
});

ensureBackend(podmanBackend);
