import { listBackends } from "@bento/container-core";
import { describe, expect, it } from "vitest";
import { loadBackends } from "./plugins.js";

// Its own file: the backend registry is process-wide, so this needs a fresh one.
describe("loadBackends", () => {
  it("loads only a named official backend, and every one for any other name", async () => {
    await loadBackends([], process.cwd(), "docker");
    expect(listBackends().map((backend) => backend.name)).toEqual(["docker"]);
    await loadBackends([], process.cwd(), "kaniko");
    expect(listBackends().map((backend) => backend.name)).toEqual([
      "docker",
      "buildx",
      "podman",
      "buildah",
      "nerdctl",
      "buildctl",
    ]);
  });
});
