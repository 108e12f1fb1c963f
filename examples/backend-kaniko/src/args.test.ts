import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { kanikoBuildArgs } from "./args.js";
import type { KanikoOptions } from "./options.js";

const base = { contextPath: "/ctx", file: "/cf/Containerfile", tag: ["iris:v1"] };
const head = [
  "--dockerfile",
  "/cf/Containerfile",
  "--context",
  "dir:///ctx",
  "--destination",
  "iris:v1",
];

describe("kanikoBuildArgs", () => {
  const cases: [string, KanikoOptions, string[]][] = [
    ["no options: no push", {}, [...head, "--no-push"]],
    ["push drops --no-push and writes no --push", { push: true }, head],
    ["push false keeps --no-push", { push: false }, [...head, "--no-push"]],
    [
      "build args and labels as k=v, in table order",
      { label: { team: "ml" }, buildArg: { A: "1", B: "2" } },
      [...head, "--no-push", "--build-arg", "A=1", "--build-arg", "B=2", "--label", "team=ml"],
    ],
    [
      "stripTimestamps writes --reproducible",
      { stripTimestamps: true, snapshotMode: "redo" },
      [...head, "--no-push", "--snapshot-mode", "redo", "--reproducible"],
    ],
    [
      "platform, target, cache",
      { customPlatform: "linux/arm64", target: "base-container", cache: true, cacheRepo: "r/c" },
      [
        ...[...head, "--no-push", "--cache", "--cache-repo", "r/c"],
        ...["--custom-platform", "linux/arm64", "--target", "base-container"],
      ],
    ],
    [
      "lists repeat the flag; extraArgs come last",
      { registryMirror: ["m1", "m2"], extraArgs: ["--skip-unused-stages"] },
      [...head, "--no-push", "--registry-mirror", "m1", "--registry-mirror", "m2"].concat(
        "--skip-unused-stages",
      ),
    ],
    [
      "a path that does not exist stays as given",
      { tarPath: "out/image.tar", digestFile: "/no/such/dir/digest" },
      [...head, "--no-push", "--digest-file", "/no/such/dir/digest", "--tar-path", "out/image.tar"],
    ],
  ];
  it.each(cases)("%s", (_name, options, expected) => {
    expect(kanikoBuildArgs({ ...base, ...options })).toEqual(expected);
  });

  it("writes one --destination per tag", () => {
    const args = kanikoBuildArgs({ ...base, tag: ["a:1", "b:2"] });
    expect(args.filter((_arg, i) => args[i - 1] === "--destination")).toEqual(["a:1", "b:2"]);
  });

  describe("relative paths", () => {
    let dir = "";
    afterAll(() => rm(dir, { recursive: true, force: true }));

    it("resolves the context against cwd and makes existing path values absolute", async () => {
      dir = await mkdtemp(join(tmpdir(), "kaniko-args-"));
      const args = kanikoBuildArgs({ contextPath: "ctx", tag: [], cwd: dir, cacheDir: "." });
      expect(args).toEqual(
        ["--context", `dir://${join(dir, "ctx")}`, "--no-push"].concat("--cache-dir", dir),
      );
    });
  });
});
