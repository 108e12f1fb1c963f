import { exec } from "@bento/test-support";
import { timed } from "../clock.js";
import { mustRun } from "../command.js";
import { BENTO_BIN } from "../paths.js";
import { type Summary, summarize } from "../stats.js";
import type { BenchWorkspace } from "../workspace.js";

/** Wall time of one `bento` command line. */
export interface CliTiming {
  command: string;
  time: Summary;
}

/** The command lines timed: `bento` followed by these arguments. */
export function cliCommands(bentoTag: string): string[][] {
  return [
    ["--help"],
    ["containerfile", bentoTag],
    ["containerize", bentoTag, "--dry-run"],
    ["health"],
  ];
}

/**
 * Wall time of each command line, process start to exit, after one untimed
 * warm-up run. `bento health` exits 3 when no backend is healthy; that still counts.
 */
export async function benchCli(workspace: BenchWorkspace, reps: number): Promise<CliTiming[]> {
  const cacheDir = await workspace.freshDir("cli-cache-");
  const env = workspace.env(cacheDir);
  delete env.BENTOML_CONTAINERIZE_BACKEND;
  const timings: CliTiming[] = [];
  for (const args of cliCommands(workspace.bentoTag)) {
    const argv = [process.execPath, BENTO_BIN, ...args];
    const run: () => Promise<unknown> =
      args[0] === "health" ? () => exec(argv, { env }) : () => mustRun(argv, { env });
    await run();
    const samples: number[] = [];
    for (let rep = 0; rep < reps; rep++) samples.push((await timed(run)).ms);
    timings.push({
      command: `bento ${args.join(" ").replace(workspace.bentoTag, "BENTO")}`,
      time: summarize(samples),
    });
  }
  return timings;
}
