import { execFile } from "node:child_process";
import { cp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

// The README's TypeScript blocks compile as modules of this package: each is written next
// to a copy of src/ (so `./options.js` and friends resolve) and type-checked with the
// package's own settings; `bento-backend-kaniko` resolves to this package's dist.

const ROOT = join(import.meta.dirname, "..");
const CHECK = join(ROOT, ".readme-check");

async function tsBlocks(): Promise<string[]> {
  const text = await readFile(join(ROOT, "README.md"), "utf8");
  return [...text.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((match) => match[1]!);
}

describe("the README's code", () => {
  afterAll(() => rm(CHECK, { recursive: true, force: true }));

  it("type-checks every TypeScript block against this package", async () => {
    const blocks = await tsBlocks();
    expect(blocks.length).toBeGreaterThanOrEqual(3);
    await rm(CHECK, { recursive: true, force: true });
    await mkdir(CHECK);
    await cp(join(ROOT, "src"), join(CHECK, "src"), {
      recursive: true,
      filter: (source) => !source.endsWith(".test.ts"),
    });
    for (const [i, block] of blocks.entries())
      await writeFile(join(CHECK, "src", `readme-${i}.ts`), block);
    const tsconfig = { extends: "../../../tsconfig.base.json", include: ["src"] };
    await writeFile(join(CHECK, "tsconfig.json"), JSON.stringify(tsconfig));
    const tsc = join(ROOT, "..", "..", "node_modules", "typescript", "bin", "tsc");
    const run = await promisify(execFile)(process.execPath, [tsc, "--noEmit", "-p", CHECK]).then(
      (done) => ({ code: 0, out: done.stdout }),
      (failed: { code: number; stdout: string }) => ({ code: failed.code, out: failed.stdout }),
    );
    expect(run.out).toBe("");
    expect(run.code).toBe(0);
  }, 120_000);
});
