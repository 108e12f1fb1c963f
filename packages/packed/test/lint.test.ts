import { readFile } from "node:fs/promises";
import { exec } from "@bento/backend-testing";
import { publint } from "publint";
import { describe, expect, it } from "vitest";
import { packed } from "./helpers/packed.js";

// publint and @arethetypeswrong/cli on each tarball as published.
describe("every packed public package", () => {
  const { tarballs } = packed();

  it.each(Object.keys(tarballs))("%s: publint reports nothing", async (name) => {
    const bytes = await readFile(tarballs[name]!);
    const tarball = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    const { messages } = await publint({ pack: { tarball }, level: "suggestion" });
    expect(messages).toEqual([]);
  });

  // Two kinds of finding are left out: TypeScript's legacy node10 resolution,
  // which ignores `exports` subpaths, and CJSResolvesToESM: attw's TypeScript
  // (5.6) predates require() of ES modules, which Node 20.19+ and TypeScript 5.8+
  // under nodenext support; require.test.ts proves a CommonJS script and a .cts
  // consumer work.
  it.each(Object.keys(tarballs))("%s: attw finds no problem", async (name) => {
    const attw = new URL("../node_modules/.bin/attw", import.meta.url).pathname;
    const result = await exec([attw, tarballs[name]!, "--format", "json"]);
    type Problem = { kind: string; resolutionKind?: string };
    const report = JSON.parse(result.stdout) as { analysis: { problems: Problem[] } };
    const problems = report.analysis.problems.filter(
      (p) => p.kind !== "CJSResolvesToESM" && p.resolutionKind !== "node10",
    );
    expect(problems).toEqual([]);
  });

  it.each(Object.keys(tarballs))("%s: ships LICENSE, README.md and dist", async (name) => {
    const list = await exec(["tar", "tzf", tarballs[name]!]);
    const files = list.stdout.split("\n");
    expect(files).toContain("package/LICENSE");
    expect(files).toContain("package/README.md");
    expect(files).toContain("package/dist/index.js");
    expect(files).toContain("package/dist/index.d.ts");
    const license = await exec(["tar", "xzOf", tarballs[name]!, "package/LICENSE"]);
    expect(license.stdout).toContain("Apache License\n                           Version 2.0");
  });

  it("@bento/container-core: carries execa and yaml in dist, with their licenses", async () => {
    const tarball = tarballs["@bento/container-core"]!;
    const read = async (path: string) => (await exec(["tar", "xzOf", tarball, path])).stdout;
    const manifest = JSON.parse(await read("package/package.json"));
    expect(manifest.dependencies).not.toHaveProperty("execa");
    expect(manifest.dependencies).not.toHaveProperty("yaml");
    const code = await exec(["tar", "xzOf", tarball, "--wildcards", "package/dist/*.js"]);
    expect(code.stdout).not.toMatch(/from\s*["'](execa|yaml)["']|require\(["'](execa|yaml)["']\)/);
    const notices = await read("package/dist/THIRD-PARTY-LICENSES.md");
    for (const name of ["execa", "yaml", "cross-spawn"]) {
      expect(notices).toMatch(new RegExp(`^## ${name}@\\d+\\.\\d+\\.\\d+ \\((MIT|ISC)\\)$`, "m"));
    }
    expect(notices).toContain("Permission is hereby granted");
  });
});
