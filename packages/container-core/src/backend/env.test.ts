import { describe, expect, it } from "vitest";
import { defineBackend } from "./define.js";
import { backendEnv, usesBuildkit } from "./env.js";
import { versionAtLeast } from "./version.js";

const docker = defineBackend("docker", {
  buildkitSupport: true,
  env: { DOCKER_BUILDKIT: "1", DOCKER_SCAN_SUGGEST: "false" },
  constructBuildArgs: () => [],
});
const podman = defineBackend("podman", {
  buildkitSupport: false,
  env: { DOCKER_BUILDKIT: "0" },
  constructBuildArgs: () => [],
});

describe("backend env", () => {
  it("fills defaults under the user's values", () => {
    expect(backendEnv(docker, { DOCKER_BUILDKIT: "0", PATH: "/bin" })).toEqual({
      DOCKER_BUILDKIT: "0",
      DOCKER_SCAN_SUGGEST: "false",
      PATH: "/bin",
    });
  });

  it.each([
    [{}, true],
    [{ DOCKER_BUILDKIT: "0" }, false],
    [{ DOCKER_BUILDKIT: "1" }, true],
  ])("DOCKER_BUILDKIT %j decides BuildKit syntax for docker", (env, expected) => {
    expect(usesBuildkit(docker, env)).toBe(expected);
  });

  it("never uses BuildKit syntax on a backend without it", () => {
    expect(usesBuildkit(podman, { DOCKER_BUILDKIT: "1" })).toBe(false);
  });
});

describe("versionAtLeast", () => {
  it.each([
    ["0.10.4", "0.11", false],
    ["github.com/docker/buildx 0.19.3 abc", "0.11", true],
    ["20.10.24+dfsg1", "18.09", true],
    ["4.3.1", "4.3.1", true],
    ["garbage", "1.0", false],
  ])("%s >= %s is %s", (version, minimum, expected) => {
    expect(versionAtLeast(version, minimum)).toBe(expected);
  });
});
