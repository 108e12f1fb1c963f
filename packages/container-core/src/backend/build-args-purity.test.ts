import { describe, expect, it, vi } from "vitest";
import { standardBuildArgs } from "./build-args.js";
import type { BuildInvocation } from "./contract.js";
import type { OptionTable } from "./option-table.js";

// Any look at the real filesystem fails the test: the lookups come in the input.
vi.mock("node:fs", async (original) => {
  const fs = await original<typeof import("node:fs")>();
  const touched = (name: string) => () => {
    throw new Error(`constructBuildArgs touched the filesystem (${name})`);
  };
  return { ...fs, existsSync: touched("existsSync"), statSync: touched("statSync") };
});

const table = {
  iidfile: { kind: "string", path: true, doc: "" },
  hooksDir: { kind: "list", path: true, doc: "" },
  noCache: { kind: "boolean", doc: "" },
} as const satisfies OptionTable;

const on = (...paths: string[]) => {
  const seen: string[] = [];
  const exists = (path: string) => {
    seen.push(path);
    return paths.includes(path);
  };
  return { exists, seen };
};

type Case = [string, Record<string, unknown> & Partial<BuildInvocation>, string[], string[]];

describe("standardBuildArgs is pure given its lookups", () => {
  it.each<Case>([
    [
      "a path the lookup knows is made absolute",
      { iidfile: "out/iid", file: "Containerfile" },
      ["/work/out/iid", "/work/Containerfile"],
      ["--file", "/work/Containerfile", "--iidfile", "/work/out/iid", "/ctx"],
    ],
    [
      "a path the lookup does not know stays as given",
      { iidfile: "out/iid", file: "Containerfile" },
      [],
      ["--file", "Containerfile", "--iidfile", "out/iid", "/ctx"],
    ],
    [
      "each item of a path list is looked up on its own",
      { hooksDir: ["a", "b"], noCache: true },
      ["/work/b"],
      ["--hooks-dir", "a", "--hooks-dir", "/work/b", "--no-cache", "/ctx"],
    ],
  ])("%s", (_, options, existing, argv) => {
    const first = on(...existing);
    const input = { contextPath: "/ctx", cwd: "/work", ...options };
    expect(standardBuildArgs(table, { ...input, exists: first.exists })).toEqual(argv);
    const second = on(...existing);
    expect(standardBuildArgs(table, { ...input, exists: second.exists })).toEqual(argv);
    expect(second.seen).toEqual(first.seen);
  });
});
