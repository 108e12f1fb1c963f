import { spawn } from "node:child_process";

/** What a finished command left behind; a failure to start is `exitCode: undefined`. */
export interface ExecResult {
  exitCode: number | undefined;
  stdout: string;
  stderr: string;
  /** `ENOENT` and friends when the binary could not be started. */
  spawnError?: string;
}

/** Options for {@link exec}. */
export interface ExecOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  timeoutMs?: number;
}

/** Runs an argv without a shell and resolves with its output; never rejects. */
export function exec(argv: readonly string[], options: ExecOptions = {}): Promise<ExecResult> {
  const [file, ...args] = argv;
  if (file === undefined) throw new TypeError("exec needs at least the binary");
  return new Promise((resolve) => {
    const child = spawn(file, args, {
      env: options.env ?? process.env,
      cwd: options.cwd,
      timeout: options.timeoutMs,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("error", (error: NodeJS.ErrnoException) => {
      resolve({
        exitCode: undefined,
        stdout,
        stderr: stderr || error.message,
        spawnError: error.code,
      });
    });
    child.on("close", (code) => resolve({ exitCode: code ?? undefined, stdout, stderr }));
  });
}

/** One line for error messages: the argv and how it ended, with the end of stderr. */
export function describeFailure(argv: readonly string[], result: ExecResult): string {
  const ended =
    result.spawnError !== undefined
      ? `could not start (${result.spawnError})`
      : `exit code: ${result.exitCode ?? "killed"}`;
  const tail = result.stderr.trim().split("\n").slice(-5).join("\n");
  return `Command failed: ${argv.join(" ")}, ${ended}${tail ? `\n${tail}` : ""}`;
}
