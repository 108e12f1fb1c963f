import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { supportMatrixMarkdown } from "../../test/helpers/support-matrix.js";

const README = fileURLToPath(new URL("../../../../README.md", import.meta.url));
const START =
  "<!-- support-matrix:start (generated from the code's tables; UPDATE_README=1 pnpm --filter @bento/container-core exec vitest run support-matrix) -->";
const END = "<!-- support-matrix:end -->";

describe("the README's supported distro/Python/CUDA matrix", () => {
  it("is the one the code's tables make", () => {
    const text = readFileSync(README, "utf8");
    const start = text.indexOf(START);
    const end = text.indexOf(END);
    expect(start).toBeGreaterThan(0);
    expect(end).toBeGreaterThan(start);
    const expected = `${START}\n${supportMatrixMarkdown()}\n${END}`;
    if (process.env.UPDATE_README === "1")
      writeFileSync(README, text.slice(0, start) + expected + text.slice(end + END.length));
    else expect(text.slice(start, end + END.length)).toBe(expected);
  });

  it("lists every distro, BentoML's 26 CUDA keys and Python 3.8 on amazonlinux", () => {
    const matrix = supportMatrixMarkdown();
    for (const distro of ["debian", "alpine", "ubi8", "amazonlinux"])
      expect(matrix).toContain(`| ${distro} |`);
    expect(matrix).toContain("26 accepted");
    expect(matrix).toContain("| amazonlinux | 3.8 |");
    expect(matrix).not.toMatch(/\.(com|io)\//);
  });
});
