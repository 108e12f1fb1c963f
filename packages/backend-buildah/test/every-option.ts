import { containersBuildSample } from "@bento/test-support";
import type { BuildahOptions } from "../src/options.js";

/** One value for every buildah option (the type makes a missing one a compile error). */
export const everyBuildahOption = {
  ...containersBuildSample,
  cniConfigDir: "/tmp/bento-cni",
  cniPluginPath: "/tmp/bento-cni-bin",
  pullAlways: true,
  pullNever: true,
} as const satisfies Required<Omit<BuildahOptions, "extraArgs">>;
