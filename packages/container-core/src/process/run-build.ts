import { createInterface } from "node:readline";
import type { ResultPromise } from "execa";
import { AbortedError, CommandFailedError } from "../errors.js";
import { formatArgv } from "./format-argv.js";

/** How to run a build command. */
export interface BuildProcessOptions {
  env: Readonly<Record<string, string>>;
  cwd: string;
  signal?: AbortSignal;
  onLine?: (stream: "stdout" | "stderr", line: string) => void;
  /** A command that reads the build's stdout (buildctl's image tarball). */
  loader?: readonly string[];
  /** Milliseconds between SIGTERM and SIGKILL when stopping. */
  killGraceMs?: number;
  /** The argv as errors name it (see `shownArgv`); default the argv run. */
  shown?: readonly string[];
  /** Told the pid (= process group) of each process started. */
  onStart?: (pid: number) => void;
}

/** What the build printed. */
export interface BuildProcessResult {
  output: string;
}

const KEEP_LINES = 10_000;
const TAIL_LINES = 30;

/**
 * Runs a build command without a shell in its own process group, streaming its
 * lines. An abort stops the whole group (SIGTERM, then SIGKILL); a non-zero
 * exit rejects with the exit code and the last lines of output.
 */
export async function runBuildProcess(
  argv: readonly string[],
  options: BuildProcessOptions,
): Promise<BuildProcessResult> {
  const lines: string[] = [];
  const record = (stream: "stdout" | "stderr", line: string) => {
    lines.push(line);
    if (lines.length > KEEP_LINES) lines.shift();
    options.onLine?.(stream, line);
  };
  const { execa } = await import("execa");
  const named = options.shown ?? argv;
  if (options.signal?.aborted) throw aborted(named, options.signal);
  const start = (command: readonly string[], streams: StreamSetup) =>
    startProcess(execa, command, options, streams);
  const child = start(argv, {
    stdin: "ignore",
    binaryStdout: options.loader !== undefined,
  });
  const loader = options.loader
    ? start(options.loader, { stdin: "pipe", binaryStdout: false })
    : undefined;
  if (loader) child.stdout?.pipe(loader.stdin!);
  for (const proc of [child, loader]) if (proc?.pid !== undefined) options.onStart?.(proc.pid);
  const readers = [
    loader ? undefined : follow(child.stdout, (line) => record("stdout", line)),
    follow(child.stderr, (line) => record("stderr", line)),
    follow(loader?.stdout, (line) => record("stdout", line)),
    follow(loader?.stderr, (line) => record("stderr", line)),
  ];
  const stop = () => {
    for (const proc of [child, loader]) if (proc) killGroup(proc, options.killGraceMs ?? 5_000);
  };
  options.signal?.addEventListener("abort", stop, { once: true });
  try {
    const result = await child;
    const loaded = loader ? await loader : undefined;
    await Promise.all(readers);
    if (options.signal?.aborted) throw aborted(named, options.signal);
    if (result.failed) throw failure(named, result.exitCode, result.signal, lines);
    if (loaded?.failed) throw failure(options.loader!, loaded.exitCode, loaded.signal, lines);
    return { output: lines.join("\n") };
  } finally {
    options.signal?.removeEventListener("abort", stop);
  }
}

interface StreamSetup {
  stdin: "ignore" | "pipe";
  binaryStdout: boolean;
}

function startProcess(
  execa: typeof import("execa").execa,
  argv: readonly string[],
  options: BuildProcessOptions,
  streams: StreamSetup,
): ResultPromise {
  const [file, ...args] = argv;
  return execa(file!, args, {
    env: options.env,
    extendEnv: false,
    cwd: options.cwd,
    reject: false,
    detached: true,
    buffer: false,
    stdin: streams.stdin,
    encoding: streams.binaryStdout ? "buffer" : "utf8",
  });
}

async function follow(
  stream: NodeJS.ReadableStream | null | undefined,
  onLine: (line: string) => void,
): Promise<void> {
  if (!stream) return;
  for await (const line of createInterface({
    input: stream,
    crlfDelay: Number.POSITIVE_INFINITY,
  })) {
    onLine(line);
  }
}

/** Stops a detached child and everything it started. */
function killGroup(child: ResultPromise, graceMs: number): void {
  const pid = child.pid;
  if (pid === undefined) return;
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal);
    } catch {
      // The group is already gone.
    }
  };
  signalGroup("SIGTERM");
  const timer = setTimeout(() => signalGroup("SIGKILL"), graceMs);
  timer.unref();
  child.finally(() => clearTimeout(timer)).catch(() => {});
}

/** The abort as an error; an abort whose reason is a signal name (`"SIGTERM"`) exits as that signal. */
function aborted(argv: readonly string[], signal: AbortSignal): AbortedError {
  const reason: unknown = signal.reason;
  return new AbortedError(`The build was interrupted: ${formatArgv(argv)} was stopped.`, {
    hint: "Nothing was left behind; run the command again to build.",
    signal: typeof reason === "string" && reason.startsWith("SIG") ? reason : undefined,
  });
}

function failure(
  argv: readonly string[],
  exitCode: number | undefined,
  signal: string | undefined,
  lines: readonly string[],
): CommandFailedError {
  const tail = lines.slice(-TAIL_LINES).join("\n");
  const how =
    exitCode !== undefined ? `exit code: ${exitCode}` : `killed by ${signal ?? "a signal"}`;
  return new CommandFailedError(`Command failed: ${formatArgv(argv)}, ${how}`, {
    argv,
    engineExitCode: exitCode,
    signal,
    outputTail: tail,
    hint: failureHint(exitCode, signal, argv[0] ?? ""),
  });
}

function failureHint(
  exitCode: number | undefined,
  signal: string | undefined,
  binary: string,
): string {
  if (exitCode === 137 || signal === "SIGKILL") {
    return "The build was killed (exit 137), most often for lack of memory: give the engine more memory or build with fewer parallel steps.";
  }
  if (exitCode === 127 || exitCode === 126) {
    return `${binary} could not run a command it needed; check its installation with \`bento health\`.`;
  }
  return "Read the build output above for the failing step; fix the bento or the options and build again.";
}
