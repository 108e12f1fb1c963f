import { describe, expect, it } from "vitest";
import { splitOptions } from "./split-options.js";

describe("splitOptions", () => {
  it.each<[string, object, object, object]>([
    [
      "the flat form: backend options beside the common ones",
      { backend: "podman", imageTag: "a:1", layers: true, dryRun: undefined },
      { backend: "podman", imageTag: "a:1" },
      { layers: true },
    ],
    [
      "backend options apart",
      { backend: "podman", imageTag: "a:1", backendOptions: { layers: true, squash: undefined } },
      { backend: "podman", imageTag: "a:1" },
      { layers: true },
    ],
    [
      "both, backendOptions winning",
      { layers: false, jobs: 2, backendOptions: { layers: true } },
      {},
      { layers: true, jobs: 2 },
    ],
    [
      "a build-level key inside backendOptions stays a backend option (validation names it)",
      { backendOptions: { env: "x" } },
      {},
      { env: "x" },
    ],
  ])("%s", (_name, options, common, backend) => {
    expect(splitOptions(options)).toEqual({ common, backend });
  });
});
