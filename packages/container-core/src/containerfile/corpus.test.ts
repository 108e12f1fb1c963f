import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { copiedTree } from "../../test/helpers/copy-tree.js";
import { loadBentoConfig } from "../bento/load-config.js";
import { generateContainerfile } from "./generate.js";

/**
 * A Containerfile's lines as compat must reproduce them: blank lines dropped,
 * comment lines kept in place but not their wording (ours are our own words),
 * the `# syntax` directive verbatim.
 */
function lines(text: string): string[] {
  return text
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => {
      const trimmed = line.trim();
      return trimmed.startsWith("#") && !/^#\s*syntax\s*=/.test(trimmed) ? "#" : line;
    });
}

/**
 * Every bento of the corpus against what BentoML's own templates render for it
 * (golden files from scripts/goldens/render-bentoml.py; bentoml-compat/ holds
 * goldens BentoML itself produced). Compat must equal them line for line
 * (blank lines and the wording of comments aside); layered must put the same
 * files into the image.
 */
const ROOTS = ["corpus", "bentoml-compat"].map((name) =>
  fileURLToPath(new URL(`../../test/fixtures/${name}/`, import.meta.url)),
);
const GOLDEN = /^expected\.(buildkit|nobuildkit)(?:\.features-([\w-]+))?\.(Dockerfile|error)$/;

interface Variant {
  file: string;
  enableBuildkit: boolean;
  features?: string[];
  error: boolean;
}

function variantsOf(dir: string): Variant[] {
  const features = readdirSync(dir).includes("features.txt")
    ? readFileSync(`${dir}/features.txt`, "utf8").trim().split(",")
    : undefined;
  return readdirSync(dir).flatMap((file) => {
    const match = GOLDEN.exec(file);
    if (!match) return [];
    return [
      {
        file,
        enableBuildkit: match[1] === "buildkit",
        features: match[2] === undefined ? undefined : (features ?? match[2].split("-")),
        error: match[3] === "error",
      },
    ];
  });
}

const CASES = ROOTS.flatMap((root) =>
  readdirSync(root).map((name) => ({ name, dir: `${root}${name}` })),
);

async function render(dir: string, layout: "compat" | "layered", variant: Variant) {
  const bento = `${dir}/bento`;
  const config = await loadBentoConfig(bento);
  return generateContainerfile(
    { dir: bento, config },
    { layout, enableBuildkit: variant.enableBuildkit, features: variant.features },
  );
}

describe("the corpus renders as BentoML renders it", () => {
  it("has at least 30 bentos, spec 1 and spec 2", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
    expect(CASES.filter((c) => c.name.startsWith("s2-")).length).toBeGreaterThanOrEqual(5);
  });

  for (const { name, dir } of CASES) {
    for (const variant of variantsOf(dir)) {
      const golden = readFileSync(`${dir}/${variant.file}`, "utf8");
      if (variant.error) {
        it(`${name}: refused where BentoML refuses (${variant.file})`, async () => {
          await expect(render(dir, "compat", variant)).rejects.toThrow(/BuildKit/);
        });
        continue;
      }
      it(`${name}: compat equals ${variant.file}`, async () => {
        const text = await render(dir, "compat", variant);
        expect(lines(text)).toEqual(lines(golden));
      });
      it(`${name}: layered copies the same files (${variant.file})`, async () => {
        const compat = copiedTree(await render(dir, "compat", variant), `${dir}/bento`);
        const layered = copiedTree(await render(dir, "layered", variant), `${dir}/bento`);
        expect(Object.fromEntries(layered)).toEqual(Object.fromEntries(compat));
        expect(compat.size).toBeGreaterThan(3);
      });
    }
  }
});
