import { describe, expect, it } from "vitest";
import { pluginCandidates } from "./fingerprint.js";

describe("buildx health fingerprint", () => {
  it("covers every folder the docker CLI loads plugins from, the user's first", () => {
    expect(pluginCandidates({ DOCKER_CONFIG: "/cfg" })).toEqual([
      "/cfg/cli-plugins/docker-buildx",
      "/usr/local/lib/docker/cli-plugins/docker-buildx",
      "/usr/local/libexec/docker/cli-plugins/docker-buildx",
      "/usr/lib/docker/cli-plugins/docker-buildx",
      "/usr/libexec/docker/cli-plugins/docker-buildx",
    ]);
  });
});
