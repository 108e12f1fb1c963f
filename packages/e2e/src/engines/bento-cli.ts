import type { BuildResultJson } from "@bento/cli";
import { describeFailure, type ExecResult, exec } from "@bento/test-support";
import { BENTO_BIN } from "./paths.js";

/** A finished `bento containerize --json` run: its parsed JSON and everything it printed. */
export interface Containerized {
  json: BuildResultJson;
  stdout: string;
  stderr: string;
}

/** Runs the built `bento` command (`node dist/bin.js ...argv`) without a shell. */
export function runBento(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  timeoutMs = 280_000,
): Promise<ExecResult> {
  return exec([process.execPath, BENTO_BIN, ...argv], { env, timeoutMs });
}

/**
 * `bento containerize BENTO --json --progress plain ...flags`; rejects with the
 * command's failure (exit code, stderr tail) unless it exits 0.
 */
export async function containerize(
  bento: string,
  flags: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<Containerized> {
  const argv = ["containerize", bento, "--json", "--progress", "plain", ...flags];
  const result = await runBento(argv, env);
  if (result.exitCode !== 0) throw new Error(describeFailure(["bento", ...argv], result));
  return {
    json: JSON.parse(result.stdout) as BuildResultJson,
    stdout: result.stdout,
    stderr: result.stderr,
  };
}
