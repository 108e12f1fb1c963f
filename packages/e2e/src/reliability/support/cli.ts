import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** The `bento` command's entry point, as built by `pnpm build`. */
export const BENTO_BIN = join(
  dirname(createRequire(import.meta.url).resolve("@bento/cli/package.json")),
  "dist/bin.js",
);

/** How a `bento` run ended and what it printed. */
export interface CliResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Options of {@link runCli} and {@link startCli}. */
export interface CliOptions {
  env: NodeJS.ProcessEnv;
  cwd?: string;
  /** Kill the run (SIGKILL) after this many milliseconds; default 120 s. */
  timeoutMs?: number;
}

/** A running `bento` process and the promise of its result. */
export interface CliRun {
  child: ChildProcess;
  result: Promise<CliResult>;
  /** Everything printed so far, both streams. */
  output(): string;
}

/** Starts `node bin.js ...argv` without a shell; stdin is closed, output captured. */
export function startCli(argv: readonly string[], options: CliOptions): CliRun {
  const child = spawn(process.execPath, [BENTO_BIN, ...argv], {
    env: options.env,
    cwd: options.cwd,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  let both = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
    both += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
    both += chunk.toString();
  });
  const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 120_000);
  const result = new Promise<CliResult>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (exitCode, signal) => {
      clearTimeout(timer);
      resolve({ exitCode, signal, stdout, stderr });
    });
  });
  return { child, result, output: () => both };
}

/** Runs `bento ...argv` to the end. */
export function runCli(argv: readonly string[], options: CliOptions): Promise<CliResult> {
  return startCli(argv, options).result;
}
