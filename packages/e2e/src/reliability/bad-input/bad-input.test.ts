import { describe, it, type TestContext } from "vitest";
import { describeRun, unclearError } from "../support/clean-error.js";
import { sandbox } from "../support/sandbox.js";
import type { BadInputCase } from "./case.js";
import { BACKEND_CASES } from "./cases-backend.js";
import { IMAGE_CASES } from "./cases-image.js";
import { REF_CASES } from "./cases-refs.js";
import { YAML_CASES } from "./cases-yaml.js";
import { apiError, apiMismatch, placeEngines, runCase } from "./run-case.js";

// Each bad input, through the CLI and the API: the documented exit code, one clear message,
// nothing left in TMPDIR or the cache, the bento and BENTOML_HOME unchanged, no build run.

const CASES: readonly BadInputCase[] = [
  ...YAML_CASES,
  ...IMAGE_CASES,
  ...REF_CASES,
  ...BACKEND_CASES,
];

async function prepare(c: BadInputCase, { onTestFinished }: TestContext) {
  const box = await sandbox("bento-bad-");
  onTestFinished(() => box.cleanup());
  const ref = await c.setup(box);
  const engine = await placeEngines(box, c.engines ?? "docker");
  return { box, ref, engine, before: await box.snapshot() };
}

it("has at least 40 bad-input cases with unique names", ({ expect }) => {
  expect(CASES.length).toBeGreaterThanOrEqual(40);
  expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
});

// CLI runs are separate processes (own TMPDIR, cache, home): they may overlap.
describe.concurrent("bad input through the CLI", () => {
  for (const c of CASES.filter((c) => c.cli !== undefined)) {
    it(`${c.name}: exit ${c.exit}`, async (context) => {
      const { expect } = context;
      const { box, ref, engine, before } = await prepare(c, context);
      const result = await runCase(box, c, ref);
      expect(result.exitCode, describeRun(result)).toBe(c.exit);
      expect(unclearError(result.stderr, c.message), describeRun(result)).toBeUndefined();
      expect(await box.leftovers()).toEqual([]);
      expect(await box.snapshot()).toEqual(before);
      expect(await engine?.builds()).toEqual(engine ? [] : undefined);
    });
  }
});

// API calls share this process's TMPDIR, which each call points into its sandbox: one at a time.
describe("bad input through the API", () => {
  for (const c of CASES.filter((c) => c.api !== undefined)) {
    it(`${c.name}: ${c.code}`, async (context) => {
      const { expect } = context;
      const { box, ref, engine, before } = await prepare(c, context);
      const mismatch = apiMismatch(c, await apiError(box, c, ref));
      expect(mismatch, mismatch).toBeUndefined();
      expect(await box.leftovers()).toEqual([]);
      expect(await box.snapshot()).toEqual(before);
      expect(await engine?.builds()).toEqual(engine ? [] : undefined);
    });
  }
});
