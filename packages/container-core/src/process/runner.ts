/** How to run one command. */
export interface RunOptions {
  /** Environment for the command; the caller decides what it inherits. */
  env?: Readonly<Record<string, string | undefined>>;
  cwd?: string;
  /** Kill the command after this many milliseconds. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Text written to the command's standard input. */
  input?: string;
}

/** What a finished command left behind. Non-zero exits are results, not throws. */
export interface RunResult {
  exitCode?: number;
  stdout: string;
  stderr: string;
  /** True when the command could not start, exited non-zero, timed out or was killed. */
  failed: boolean;
  timedOut: boolean;
  signal?: string;
  /** `ENOENT` and friends when the binary could not be started. */
  spawnError?: string;
}

/** Runs an argv without a shell. Injected into health checks so tests can replace it. */
export type CommandRunner = (argv: readonly string[], options?: RunOptions) => Promise<RunResult>;

/** The default {@link CommandRunner}, on execa: argv only, never a shell, never throws. */
export const runCommand: CommandRunner = async (argv, options = {}) => {
  const [file, ...args] = argv;
  if (file === undefined) throw new TypeError("runCommand needs at least the binary");
  // Loaded on first use: execa is a third of core's load time, and printing a
  // Containerfile or listing bentos runs no command.
  const { execa } = await import("execa");
  const result = await execa(file, args, {
    reject: false,
    env: options.env as Record<string, string> | undefined,
    extendEnv: options.env === undefined,
    cwd: options.cwd,
    timeout: options.timeoutMs,
    cancelSignal: options.signal,
    input: options.input,
    stdin: options.input === undefined ? "ignore" : undefined,
    forceKillAfterDelay: 2_000,
    stripFinalNewline: true,
  });
  const spawnError = (result as { code?: string }).code;
  return {
    exitCode: result.exitCode,
    stdout: typeof result.stdout === "string" ? result.stdout : "",
    stderr: typeof result.stderr === "string" ? result.stderr : "",
    failed: result.failed,
    timedOut: result.timedOut,
    signal: result.signal,
    spawnError: spawnError?.startsWith("E") ? spawnError : undefined,
  };
};
