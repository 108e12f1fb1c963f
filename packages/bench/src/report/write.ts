import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { BenchResults } from "./results.js";

/** Where {@link writeResults} put the files. */
export interface WrittenResults {
  json: string;
  markdown: string;
}

/**
 * Writes `bench-<time>.json`, `latest.json` and `latest.md` into `outDir`, and
 * the markdown also to `resultsMd` when given (a full run).
 */
export async function writeResults(
  outDir: string,
  results: BenchResults,
  markdown: string,
  resultsMd?: string,
): Promise<WrittenResults> {
  await mkdir(outDir, { recursive: true });
  const text = `${JSON.stringify(results, null, 2)}\n`;
  const json = join(outDir, `bench-${results.startedAt.replace(/[:.]/g, "-")}.json`);
  await writeFile(json, text);
  await writeFile(join(outDir, "latest.json"), text);
  await writeFile(join(outDir, "latest.md"), markdown);
  if (resultsMd) await writeFile(resultsMd, markdown);
  return { json, markdown: resultsMd ?? join(outDir, "latest.md") };
}
