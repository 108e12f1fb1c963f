import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { apiReport, publicNames } from "./api-report.js";

const root = join(import.meta.dirname, "../..");
const REPORT = join(root, "api-report.md");

let report: string;

// Building the type checker over core's sources takes seconds.
beforeAll(() => {
  report = apiReport(root);
}, 120_000);

describe("the public API", () => {
  it("matches the checked-in API report (UPDATE_API_REPORT=1 accepts a deliberate change)", () => {
    if (process.env.UPDATE_API_REPORT) writeFileSync(REPORT, report);
    expect(report).toBe(readFileSync(REPORT, "utf8"));
  });

  it("is what the README's API reference names, no more and no less", () => {
    const readme = readFileSync(join(root, "../../README.md"), "utf8");
    const section = readme.split("\n## API reference\n")[1]!.split("\n## ")[0]!;
    const named = new Set([...section.matchAll(/`([A-Za-z_$][\w$]*)`/g)].map((m) => m[1]!));
    const names = publicNames(report);
    expect(names.filter((name) => !named.has(name))).toEqual([]);
    const listed = section.split("<!-- api-list -->")[1]!.split("<!-- /api-list -->")[0]!;
    const inList = [...listed.matchAll(/`([A-Za-z_$][\w$]*)`/g)].map((m) => m[1]!);
    expect(inList.filter((name) => !names.includes(name))).toEqual([]);
  });
});
