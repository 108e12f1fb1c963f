import type { CliResult } from "./cli.js";

/** A line of a JavaScript stack trace (`    at fn (file.js:1:2)`). */
const STACK_FRAME = /^\s+at .*(?:\(.*:\d+:\d+\)|:\d+:\d+)$/m;

/** A line of the engine's own output, as `--progress plain` relays it (`docker | ...`). */
const ENGINE_LINE = /^[\w.-]+ \| /;

/**
 * Why `stderr` is not one clear error message matching `message`: it must name the cause,
 * carry no stack trace or internals, and say it once. `undefined` when it is clean. The
 * engine's relayed output may repeat itself (BuildKit prints a step's header again when
 * it resumes it), so only our own lines must not.
 */
export function unclearError(stderr: string, message: RegExp): string | undefined {
  const text = stderr.trim();
  if (text === "") return "stderr is empty";
  if (!message.test(text)) return `stderr does not match ${message}`;
  if (STACK_FRAME.test(text)) return "stderr holds a stack trace";
  if (
    /node:internal|\[object Object\]|\bundefined\b|^\s*(?:Type|Reference|Syntax)Error\b/m.test(text)
  )
    return "stderr leaks internals";
  const lines = text
    .split("\n")
    .filter((line) => line.trim().length >= 20 && !ENGINE_LINE.test(line));
  if (new Set(lines).size < lines.length) return "a line is printed twice";
  return undefined;
}

/** A one-line summary of a CLI run, for assertion messages. */
export function describeRun(result: CliResult): string {
  return `exit ${result.exitCode ?? result.signal}\n--- stderr ---\n${result.stderr}\n--- stdout ---\n${result.stdout}`;
}
