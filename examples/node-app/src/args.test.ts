import { OptionError } from "@bento/container-core";
import { describe, expect, it } from "vitest";
import { parseAppArgs } from "./args.js";

describe("parseAppArgs", () => {
  it("defaults to the docker backend", () => {
    expect(parseAppArgs(["./bento"], {})).toEqual({
      bento: "./bento",
      backend: "docker",
      tags: [],
      plugins: [],
      baseImage: undefined,
      layout: undefined,
      dryRun: false,
      help: false,
    });
  });

  it("takes the backend from BENTOML_CONTAINERIZE_BACKEND, --backend winning", () => {
    const env = { BENTOML_CONTAINERIZE_BACKEND: "podman" };
    expect(parseAppArgs(["b"], env).backend).toBe("podman");
    expect(parseAppArgs(["b", "--backend", "buildah"], env).backend).toBe("buildah");
  });

  it("collects repeated tags and plugins", () => {
    const options = parseAppArgs(
      ["b", "-t", "a:1", "--tag", "b:2", "--plugin", "x", "--plugin", "./y.js", "--dry-run"],
      {},
    );
    expect(options).toMatchObject({ tags: ["a:1", "b:2"], plugins: ["x", "./y.js"], dryRun: true });
  });

  it.each([
    [[], /Name the bento/],
    [["a", "b"], /Unexpected arguments: b/],
    [["a", "--layout", "flat"], /--layout must be layered or compat/],
    [["a", "--frobnicate"], /Unknown option '--frobnicate'/],
  ])("refuses %j", (argv, message) => {
    expect(() => parseAppArgs(argv, {})).toThrow(OptionError);
    expect(() => parseAppArgs(argv, {})).toThrow(message);
  });

  it("needs no bento for --help", () => {
    expect(parseAppArgs(["--help"], {}).help).toBe(true);
  });
});
