import { rm } from "node:fs/promises";
import { join } from "node:path";
import { removeImages } from "@bento/test-support";
import { containerizeArgv } from "../bento-way.js";
import { timed } from "../clock.js";
import { mustRun } from "../command.js";
import { ENGINE_TABLE } from "../engines.js";
import { BENTO_BIN } from "../paths.js";
import { type Summary, summarize } from "../stats.js";
import type { BenchWorkspace } from "../workspace.js";

/**
 * What a build holding its staged tree until its engine exits costs: docker no-op
 * rebuilds alone and two at once (the second takes a tree of its own), and alone
 * with a baseline `bento` (another checkout's `dist/bin.js`) when one is given.
 */
export interface ConcurrencyResult {
  alone: Summary;
  /**
   * Our no-op rebuild with its reuse record removed first, so the engine runs
   * (a cached build) as the baseline's does: the path the per-build trees cost on.
   */
  engine: Summary;
  /** Wall time of two no-op rebuilds of the bento started together. */
  pair: Summary;
  /** The baseline CLI's no-op rebuild, interleaved with ours. */
  baseline?: { bin: string; alone: Summary };
}

/** One measurement's input. */
export interface ConcurrencyInput {
  workspace: BenchWorkspace;
  reps: number;
  baseImage: string;
  baselineBin?: string;
  log(line: string): void;
}

/**
 * Per repetition, interleaved: our no-op rebuild, the baseline's, ours with the
 * engine run (reuse record removed), then two of ours at once. Each CLI has its own cache directory, warmed up by untimed builds (the
 * pair's too, so its second tree is warm), so every timed build is a no-op.
 */
export async function benchConcurrency(input: ConcurrencyInput): Promise<ConcurrencyResult> {
  const tag = "bento-bench-concurrency:docker";
  const ours = await input.workspace.freshDir("conc-cache-");
  const theirs = await input.workspace.freshDir("conc-baseline-cache-");
  const run = (bin: string, cacheDir: string) =>
    mustRun(
      [
        process.execPath,
        bin,
        ...containerizeArgv(input.workspace.bentoTag, ENGINE_TABLE.docker, {
          tag,
          baseImage: input.baseImage,
        }),
      ],
      { env: input.workspace.env(cacheDir) },
    );
  const pair = () => Promise.all([run(BENTO_BIN, ours), run(BENTO_BIN, ours)]);
  // Unchanged-build reuse skips the engine when its record of the last build is there.
  const forgetBuilds = () => rm(join(ours, "builds"), { recursive: true, force: true });
  const samples = {
    alone: [] as number[],
    engine: [] as number[],
    pair: [] as number[],
    baseline: [] as number[],
  };
  try {
    await run(BENTO_BIN, ours);
    await pair();
    if (input.baselineBin) await run(input.baselineBin, theirs);
    for (let rep = 1; rep <= input.reps; rep++) {
      samples.alone.push((await timed(() => run(BENTO_BIN, ours))).ms);
      if (input.baselineBin)
        samples.baseline.push((await timed(() => run(input.baselineBin!, theirs))).ms);
      await forgetBuilds();
      samples.engine.push((await timed(() => run(BENTO_BIN, ours))).ms);
      samples.pair.push((await timed(pair)).ms);
      input.log(
        `concurrency #${rep}: alone ${samples.alone.at(-1)!.toFixed(0)} ms, engine run ${samples.engine.at(-1)!.toFixed(0)} ms, baseline ${samples.baseline.at(-1)?.toFixed(0) ?? "-"} ms, two at once ${samples.pair.at(-1)!.toFixed(0)} ms`,
      );
    }
  } finally {
    await removeImages("docker", tag);
  }
  return {
    alone: summarize(samples.alone),
    engine: summarize(samples.engine),
    pair: summarize(samples.pair),
    baseline: input.baselineBin
      ? { bin: input.baselineBin, alone: summarize(samples.baseline) }
      : undefined,
  };
}
