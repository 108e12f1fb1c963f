import { describe, expect, it } from "vitest";
import { containerizeArgv, fromLine, withoutIidfile } from "./bento-way.js";
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

describe("fromLine", () => {
  it("gives the image the Containerfile builds FROM, flags skipped", () => {
    expect(fromLine("FROM bento-env-iris:0123\nCOPY . ./\n")).toBe("bento-env-iris:0123");
    expect(fromLine("# syntax=x\nFROM --platform=linux/amd64 base:1 AS base-container\n")).toBe(
      "base:1",
    );
    expect(() => fromLine("COPY . ./\n")).toThrow(/no FROM/);
  });
});
