import { jsonText } from "./json.js";
import { paint } from "./style.js";

/** The parts of a bento-container error the CLI shows (duck-typed: plugins may bring their own core copy). */
interface BentoLike extends Error {
  code: string;
  exitCode: number;
  hint?: string;
  outputTail?: string;
}

/** How to show an error. */
export interface ErrorFormat {
  /** Add the stack trace (and causes). */
  debug: boolean;
  color: boolean;
  /** Add a failed command's last output lines (when the log was not streamed). */
  showTail: boolean;
}

const REPORT = "https://github.com/bento-container/bento-container/issues";
const TAIL_INDENT = "  | ";

/** Whether `error` is a bento-container error (from any copy of core). */
export function isBentoLike(error: unknown): error is BentoLike {
  return (
    error instanceof Error &&
    typeof (error as Partial<BentoLike>).code === "string" &&
    typeof (error as Partial<BentoLike>).exitCode === "number"
  );
}

/** The exit code for an error: its own for bento errors, 1 for anything else (a bug). */
export function errorExitCode(error: unknown): number {
  return isBentoLike(error) ? error.exitCode : 1;
}

/** One paragraph for stderr: `error: <message>`, the output tail, the hint. Pure. */
export function formatError(error: unknown, format: ErrorFormat): string {
  const label = paint("error:", "red", format.color);
  if (!isBentoLike(error)) {
    const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return [
      `${label} ${text}`,
      `This is a bug in bento, not in your input. Please report it at ${REPORT}` +
        (format.debug
          ? " with the output below."
          : ", with the output of the same command run with --debug."),
      ...(format.debug ? [stackOf(error)] : []),
      "",
    ].join("\n");
  }
  const tail = format.showTail ? (error.outputTail ?? "").trimEnd() : "";
  return [
    `${label} ${error.message}`,
    ...(tail
      ? tail.split("\n").map((line) => paint(`${TAIL_INDENT}${line}`, "dim", format.color))
      : []),
    ...(error.hint ? [error.hint] : []),
    ...(format.debug ? [stackOf(error)] : []),
    "",
  ].join("\n");
}

/** The `--json` answer to a failure: `{ error: { code, message, hint, exitCode } }`. Pure. */
export function errorJson(error: unknown): string {
  const body = isBentoLike(error)
    ? { code: error.code, message: error.message, hint: error.hint, exitCode: error.exitCode }
    : { code: "E_INTERNAL", message: String(error), exitCode: 1 };
  return jsonText({ error: body });
}

function stackOf(error: unknown): string {
  const lines: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && depth < 5; depth++) {
    lines.push(current instanceof Error ? (current.stack ?? String(current)) : String(current));
    current = current instanceof Error ? current.cause : undefined;
    if (current !== undefined) lines.push("Caused by:");
  }
  return lines.join("\n");
}
