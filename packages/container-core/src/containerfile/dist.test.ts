import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadBentoConfig } from "../bento/load-config.js";
import { generateContainerfile } from "./generate.js";

const DIST = fileURLToPath(new URL("../../dist/index.js", import.meta.url));
const DIST_INTERNAL = fileURLToPath(new URL("../../dist/internal.js", import.meta.url));
const FIXTURES = fileURLToPath(new URL("../../test/fixtures/bentoml-compat/", import.meta.url));
const CASES = ["s1-template-extend", "s2-basic", "s1-conda-debian"];
const built = existsSync(DIST);
if (!built && !process.env.CI)
  console.warn(
    "Skipping the built-package test: dist/index.js is missing (run the package build first).",
  );

describe.skipIf(!built && !process.env.CI)("the built package", () => {
  it("renders from the templates inlined into dist/index.js, as the sources do", async () => {
    expect(existsSync(new URL("../../dist/templates", import.meta.url))).toBe(false);
    const dirs = CASES.map((name) => `${FIXTURES}${name}/bento`);
    const script = `
      const core = await import(${JSON.stringify(DIST)});
      const internal = await import(${JSON.stringify(DIST_INTERNAL)});
      const out = [];
      for (const dir of ${JSON.stringify(dirs)}) {
        const config = await core.loadBentoConfig(dir);
        out.push(await internal.generateContainerfile({ dir, config }, { layout: "compat" }));
      }
      process.stdout.write(JSON.stringify(out));`;
    const output = execFileSync(process.execPath, ["--input-type=module", "-e", script], {
      encoding: "utf8",
    });
    const fromDist: string[] = JSON.parse(output);
    for (const [i, dir] of dirs.entries()) {
      const config = await loadBentoConfig(dir);
      expect(fromDist[i]).toBe(await generateContainerfile({ dir, config }, { layout: "compat" }));
    }
  });
});
