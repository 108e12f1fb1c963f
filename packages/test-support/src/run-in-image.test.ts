import { describe, expect, it } from "vitest";
import { removeImagesArgv } from "./remove-images.js";
import { runInImageArgv } from "./run-in-image.js";

describe("runInImageArgv", () => {
  it.each([
    ["docker", ["docker", "run", "--rm", "img:1", "python3", "-V"]],
    ["buildx", ["docker", "run", "--rm", "img:1", "python3", "-V"]],
    [
      "podman",
      ["podman", "run", "--rm", "--ulimit", "nofile=1024:1024", "--ulimit", "nproc=1024:1024"],
    ],
    [
      "buildah",
      ["podman", "run", "--rm", "--ulimit", "nofile=1024:1024", "--ulimit", "nproc=1024:1024"],
    ],
  ] as const)("%s runs with %j", (engine, prefix) => {
    const argv = runInImageArgv(engine, "img:1", ["python3", "-V"]);
    expect(argv.slice(0, prefix.length)).toEqual(prefix);
    expect(argv.slice(-3)).toEqual(["img:1", "python3", "-V"]);
  });
});

describe("removeImagesArgv", () => {
  it("removes from docker's store for docker and buildx", () => {
    expect(removeImagesArgv("buildx", ["a", "b:2"])).toEqual([
      "docker",
      "image",
      "rm",
      "--force",
      "a",
      "b:2",
    ]);
  });

  it("removes from podman's store for podman and buildah", () => {
    expect(removeImagesArgv("buildah", ["a"])).toEqual(["podman", "rmi", "--force", "a"]);
  });
});
