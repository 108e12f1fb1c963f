import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { type Summary, summarize } from "../stats.js";
import { type BenchWorkspace, createWorkspace } from "../workspace.js";
import { stageRun } from "./staging.js";

/** File counts of `src/` the re-stage curve is measured at. */
export const RESTAGE_FILES = [1_000, 10_000, 50_000] as const;

/** Re-staging a bento with many files in `src/` after a one-line edit. */
export interface RestagePoint {
  files: number;
  /**
   * Core's staging (bento found to context staged), which also gives the staged
   * context's identity that the unchanged-build check reads: one walk.
   */
  stage: Summary;
}

/**
 * The re-stage curve: for each file count a bento with that many small files
 * in `src/`, staged once, then per repetition a one-line edit and a re-stage
 * (the context's identity included), timed.
 */
export async function benchRestage(workRoot: string, reps: number): Promise<RestagePoint[]> {
  const points: RestagePoint[] = [];
  for (const files of RESTAGE_FILES) {
    const workspace = await createWorkspace(workRoot, 1024 * 1024);
    try {
      await addFiles(workspace, files);
      const cache = await workspace.freshDir("restage-");
      await stageRun(workspace, cache);
      const stage: number[] = [];
      for (let rep = 0; rep < reps; rep++) {
        await workspace.editSource();
        stage.push((await stageRun(workspace, cache)).ms);
      }
      points.push({ files, stage: summarize(stage) });
    } finally {
      await workspace.dispose();
    }
  }
  return points;
}

/** Adds `count` small Python files under `src/many/`, 1,000 per folder. */
async function addFiles(workspace: BenchWorkspace, count: number): Promise<void> {
  const root = join(workspace.bentoDir, "src", "many");
  await rm(root, { recursive: true, force: true });
  for (let start = 0; start < count; start += 1_000) {
    const dir = join(root, `part${start / 1_000}`);
    await mkdir(dir, { recursive: true });
    const batch = [];
    for (let i = start; i < Math.min(start + 1_000, count); i++)
      batch.push(writeFile(join(dir, `m${i}.py`), `VALUE = ${i}\n`));
    await Promise.all(batch);
  }
}
