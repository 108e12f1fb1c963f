import { describeFailure, type ExecOptions, exec } from "@bento/test-support";

/** Runs an argv without a shell and resolves with its stdout; rejects unless it exits 0. */
export async function mustRun(argv: readonly string[], options: ExecOptions = {}): Promise<string> {
  const result = await exec(argv, { timeoutMs: 900_000, ...options });
  if (result.exitCode !== 0) throw new Error(describeFailure(argv, result));
  return result.stdout;
}
