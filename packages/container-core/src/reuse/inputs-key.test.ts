import { describe, expect, it } from "vitest";
import {
  type BuildInputs,
  fromImages,
  inputsKey,
  reuseBlocker,
  stableArgv,
  withoutCacheFlags,
} from "./inputs-key.js";

const inputs: BuildInputs = {
  containerfile: "FROM base\nCOPY ./src ./src\n",
  argv: ["podman", "build", "--tag", "<tag>", "--file", "<containerfile>", "<context>"],
  env: { BUILDAH_FORMAT: "oci" },
  tree: "tree-digest",
  secrets: { HF_TOKEN: "one" },
  extra: { environment: "sha256:aa" },
};

describe("inputsKey", () => {
  it("is the same for the same inputs, in any key order", () => {
    const reordered: BuildInputs = {
      ...inputs,
      env: { ...inputs.env },
      extra: { ...inputs.extra },
    };
    expect(inputsKey(reordered)).toBe(inputsKey(inputs));
    expect(inputsKey(inputs)).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each<[string, Partial<BuildInputs>]>([
    ["the Containerfile", { containerfile: "FROM base\nCOPY ./src ./src/\n" }],
    ["the command", { argv: [...inputs.argv.slice(0, -1), "--layers", "<context>"] }],
    ["the engine's environment", { env: { BUILDAH_FORMAT: "docker" } }],
    ["the files", { tree: "other-digest" }],
    ["a secret's value", { secrets: { HF_TOKEN: "two" } }],
    ["the environment image", { extra: { environment: "sha256:bb" } }],
    [
      "a part moved between fields",
      { containerfile: `${inputs.containerfile}tree-digest`, tree: "" },
    ],
  ])("changes with %s", (_what, change) => {
    expect(inputsKey({ ...inputs, ...change })).not.toBe(inputsKey(inputs));
  });

  it("never holds a secret's value", () => {
    expect(inputsKey(inputs)).not.toContain("one");
  });
});

describe("stableArgv", () => {
  it("replaces run-specific paths and tags, inside tokens too, longest first", () => {
    const argv = [
      "podman",
      "build",
      "--tag",
      "svc:1",
      "--iidfile",
      "/cache/run-abc/image-id",
      "--secret",
      "id=HF_TOKEN,src=/tmp/secrets-x/HF_TOKEN",
      "/cache/contexts/svc",
    ];
    expect(
      stableArgv(argv, {
        tag: ["svc:1"],
        iidfile: ["/cache/run-abc/image-id"],
        secrets: ["/tmp/secrets-x"],
        context: ["/cache/contexts/svc"],
        empty: [""],
      }),
    ).toEqual([
      "podman",
      "build",
      "--tag",
      "<tag>",
      "--iidfile",
      "<iidfile>",
      "--secret",
      "id=HF_TOKEN,src=<secrets>/HF_TOKEN",
      "<context>",
    ]);
  });
});

describe("reuseBlocker", () => {
  it.each([
    [["--no-cache"], "--no-cache"],
    [["--no-cache=true"], "--no-cache=true"],
    [["--pull"], "--pull"],
    [["--pull=always"], "--pull=always"],
    [["--pull=newer"], "--pull=newer"],
    [["--pull-always"], "--pull-always"],
    [["--push"], "--push"],
    [["--output", "type=local,dest=out"], "--output"],
    [["--metadata-file", "m.json"], "--metadata-file"],
  ])("%j stops reuse", (argv, flag) => {
    expect(reuseBlocker(["build", ...argv, "/ctx"])).toBe(flag);
  });

  it.each([[["--pull=never"]], [["--pull=missing"]], [["--no-cache=false"]], [["--layers"]]])(
    "%j does not",
    (argv) => {
      expect(reuseBlocker(["build", ...argv, "/ctx"])).toBeUndefined();
    },
  );
});

describe("withoutCacheFlags", () => {
  it("drops no-cache and pull flags, keeps the rest", () => {
    expect(
      withoutCacheFlags([
        "build",
        "--no-cache",
        "--pull=always",
        "--layers",
        "--pull",
        "--tag",
        "t",
      ]),
    ).toEqual(["build", "--layers", "--tag", "t"]);
  });
});

describe("fromImages", () => {
  it("lists FROM images once, without stage names or scratch", () => {
    const text = [
      "FROM --platform=linux/amd64 bento-base:bookworm AS base-container",
      "FROM base-container AS final",
      "from scratch",
      "FROM other:1",
      "FROM bento-base:bookworm",
    ].join("\n");
    expect(fromImages(text)).toEqual(["bento-base:bookworm", "other:1"]);
  });

  it("gives up on an image written with a variable", () => {
    expect(fromImages("ARG BASE=x\nFROM $BASE\n")).toBeUndefined();
  });
});
