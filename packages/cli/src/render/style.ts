import type { OutStream } from "../io.js";

/** Whether to color a stream: a terminal, no `NO_COLOR`, not a dumb terminal. */
export function colorEnabled(
  stream: OutStream,
  env: Readonly<Record<string, string | undefined>>,
): boolean {
  return stream.isTTY === true && !env.NO_COLOR && env.TERM !== "dumb";
}

const CODES = { bold: 1, dim: 2, red: 31, green: 32, yellow: 33, cyan: 36 } as const;

/** A text style. */
export type Style = keyof typeof CODES;

/** Wraps `text` in an ANSI style when `enabled`. Pure. */
export function paint(text: string, style: Style, enabled: boolean): string {
  return enabled ? `\u001b[${CODES[style]}m${text}\u001b[0m` : text;
}

/** The printable width of a string, ANSI styles left out. */
export function visibleLength(text: string): number {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matches ANSI escapes on purpose
  return text.replace(/\u001b\[[0-9;]*m/g, "").length;
}
