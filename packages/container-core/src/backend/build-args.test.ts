import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { standardBuildArgs } from "./build-args.js";
import type { OptionTable } from "./option-table.js";

const table = {
  noCache: { kind: "boolean", doc: "" },
  pull: { kind: "boolean", values: ["always", "never"], doc: "" },
  buildArg: { kind: "pairs", separator: "=", doc: "" },
} as const satisfies OptionTable;

describe("standardBuildArgs", () => {
  const cwd = mkdtempSync(join(tmpdir(), "bento-args-"));
  afterAll(() => rmSync(cwd, { recursive: true, force: true }));

  it("writes tags, file, options, extra args, then the context", () => {
    expect(
      standardBuildArgs(table, {
        contextPath: "/ctx",
        file: "/elsewhere/Containerfile",
        tag: ["a:1", "b:2"],
        cwd,
        noCache: true,
        pull: "always",
        buildArg: { A: "1" },
        extraArgs: ["--squash"],
      }),
    ).toEqual([
      "--tag",
      "a:1",
      "--tag",
      "b:2",
      "--file",
      "/elsewhere/Containerfile",
      "--no-cache",
      "--pull=always",
      "--build-arg",
      "A=1",
      "--squash",
      "/ctx",
    ]);
  });

  it("needs only the context", () => {
    expect(standardBuildArgs(table, { contextPath: "." })).toEqual(["."]);
  });
});
