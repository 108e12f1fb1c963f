import { containersBuildSample } from "@bento/test-support";
import type { PodmanOptions } from "../src/options.js";

/** One value for every podman option (the type makes a missing one a compile error). */
export const everyPodmanOption = {
  ...containersBuildSample,
  squashAll: true,
} as const satisfies Required<Omit<PodmanOptions, "extraArgs">>;
