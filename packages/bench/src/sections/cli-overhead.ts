import { exec } from "@bento/test-support";
import { timed } from "../clock.js";
import { mustRun } from "../command.js";
import { BENTO_BIN } from "../paths.js";
import { startupOnly } from "../startup-env.js";
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

/** The label of the baseline row: Node starting an empty script, the floor of any command. */
export const NODE_BASELINE = "node -e 0 (Node's own start, for scale)";

/** The label of Node's start with this machine's start-up-only variables (see `STARTUP_ONLY`). */
export const NODE_WITH_MACHINE_ENV = "node -e 0 with this machine's NODE_EXTRA_CA_CERTS";

/**
 * Wall time of each command line, process start to exit, after one untimed
 * warm-up run, and of Node alone (also with this machine's start-up-only
 * variables, when it sets any). `bento health` exits 3 when no backend is
 * healthy; that still counts.
 */
export async function benchCli(workspace: BenchWorkspace, reps: number): Promise<CliTiming[]> {
  const cacheDir = await workspace.freshDir("cli-cache-");
  const env = workspace.env(cacheDir);
  delete env.BENTOML_CONTAINERIZE_BACKEND;
  const machine = startupOnly(process.env);
  const runs = [
    { label: NODE_BASELINE, argv: [process.execPath, "-e", "0"], mayFail: false },
    ...(Object.keys(machine).length
      ? [
          {
            label: NODE_WITH_MACHINE_ENV,
            argv: [process.execPath, "-e", "0"],
            mayFail: false,
            machine,
          },
        ]
      : []),
    ...cliCommands(workspace.bentoTag).map((args) => ({
      label: `bento ${args.join(" ").replace(workspace.bentoTag, "BENTO")}`,
      argv: [process.execPath, BENTO_BIN, ...args],
      mayFail: args[0] === "health",
    })),
  ];
  const timings: CliTiming[] = [];
  for (const { label, argv, mayFail, ...extra } of runs) {
    const own = "machine" in extra ? { ...env, ...extra.machine } : env;
    const run = mayFail ? () => exec(argv, { env: own }) : () => mustRun(argv, { env: own });
    await run();
    const samples: number[] = [];
    for (let rep = 0; rep < reps; rep++) samples.push((await timed<unknown>(run)).ms);
    timings.push({ command: label, time: summarize(samples) });
  }
  return timings;
}
