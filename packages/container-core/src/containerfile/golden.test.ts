import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadBentoConfig } from "../bento/load-config.js";
import { generateContainerfile } from "./generate.js";
import { instructionLines } from "./test-support.js";

const ROOT = fileURLToPath(new URL("../../test/fixtures/bentoml-compat/", import.meta.url));
const CASES = readdirSync(ROOT);

/** The goldens: what BentoML renders for the bento, BuildKit on and off, and with features. */
const VARIANTS = [
  { file: "expected.buildkit.Dockerfile", enableBuildkit: true, features: undefined },
  { file: "expected.nobuildkit.Dockerfile", enableBuildkit: false, features: undefined },
  {
    file: "expected.buildkit.features-grpc-tracing.Dockerfile",
    enableBuildkit: true,
    features: ["grpc", "tracing"],
  },
];

describe("compat layout reproduces BentoML's Containerfiles", () => {
  it("has the fixture cases", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(6);
  });

  for (const name of CASES) {
    const variants = VARIANTS.filter((v) => readdirSync(`${ROOT}${name}`).includes(v.file));
    for (const variant of variants) {
      it(`${name} ${variant.file}`, async () => {
        const dir = `${ROOT}${name}/bento`;
        const config = await loadBentoConfig(dir);
        const text = await generateContainerfile(
          { dir, config },
          { layout: "compat", enableBuildkit: variant.enableBuildkit, features: variant.features },
        );
        const expected = readFileSync(`${ROOT}${name}/${variant.file}`, "utf8");
        expect(instructionLines(text)).toEqual(instructionLines(expected));
      });
    }
  }
});
