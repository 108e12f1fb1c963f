import { describe, expect, it } from "vitest";
import { containerizeArgv } from "./bento-way.js";
import { ENGINE_TABLE } from "./engines.js";

describe("containerizeArgv", () => {
  const build = {
    tag: "bento-bench-bento:docker",
    baseImage: "bento-base:bookworm",
    noCache: false,
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
