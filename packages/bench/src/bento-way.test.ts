import { describe, expect, it } from "vitest";
import { containerizeArgv, withoutIidfile } from "./bento-way.js";
import { ENGINE_TABLE } from "./engines.js";

describe("containerizeArgv", () => {
  const build = {
    tag: "bento-bench-bento:docker",
    baseImage: "bento-base:bookworm",
  };

  it("runs the default (layered) layout with the offline base image", () => {
    expect(containerizeArgv("iris:v1", ENGINE_TABLE.docker, build)).toEqual([
      "containerize",
      "iris:v1",
      "--backend",
      "docker",
      "--base-image",
      "bento-base:bookworm",
      "--image-tag",
      "bento-bench-bento:docker",
      "--json",
      "--progress",
      "quiet",
    ]);
  });
});

describe("withoutIidfile", () => {
  it("drops the flag and its value, and leaves other argv alone", () => {
    expect(withoutIidfile(["docker", "build", "--iidfile", "/x/id", "--tag", "t", "ctx"])).toEqual([
      "docker",
      "build",
      "--tag",
      "t",
      "ctx",
    ]);
    expect(withoutIidfile(["podman", "build", "ctx"])).toEqual(["podman", "build", "ctx"]);
  });
});
