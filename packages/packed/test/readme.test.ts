import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { packed, tsc } from "./helpers/packed.js";
import { readmeBlocks } from "./helpers/readme.js";

// Every TypeScript block of the READMEs users read compiles against the packed
// packages, each as its own module. The "Writing a backend" files compile as
// their package in guide.test.ts.

const blocks = readmeBlocks().filter(
  (block) => block.lang === "ts" && !(block.section === "Writing a backend" && block.title),
);

describe("README code blocks", () => {
  let dir: string;
  const files = blocks.map((block, i) => {
    const name = block.readme.replace(/\/README\.md$|\.md$/, "").replace(/[^a-z0-9]+/gi, "-");
    const ext = block.title?.endsWith(".cts") ? "cts" : "ts";
    return { block, file: `${name}-${i}.${ext}` };
  });

  beforeAll(async () => {
    dir = join(packed().app, "readme-blocks");
    await mkdir(dir, { recursive: true });
    for (const { block, file } of files) await writeFile(join(dir, file), block.code);
    const tsconfig = {
      compilerOptions: {
        module: "nodenext",
        target: "es2022",
        strict: true,
        noEmit: true,
        types: ["node"],
      },
      include: ["*.ts", "*.cts"],
    };
    await writeFile(join(dir, "tsconfig.json"), JSON.stringify(tsconfig));
  });

  it("finds the blocks of the README and of every package's README", () => {
    const readmes = new Set(blocks.map((block) => block.readme));
    expect(readmes).toContain("README.md");
    expect(readmes).toContain("packages/container-core/README.md");
    expect(readmes).toContain("packages/backend-podman/README.md");
    expect(readmes).toContain("packages/backend-testing/README.md");
  });

  it("type-checks every block", async () => {
    const result = await tsc("tsconfig.json", dir);
    const where = files
      .map(({ block, file }) => `${file}: ${block.readme} (${block.section})`)
      .join("\n");
    expect(result.stdout, `${result.stdout}\n${where}`).toBe("");
    expect(result.exitCode).toBe(0);
  });
});
