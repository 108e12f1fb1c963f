import { shellQuote } from "../containerfile/quote.js";

/** An argv as a copy-pasteable shell line, for messages only (never executed). */
export function formatArgv(argv: readonly string[]): string {
  return argv.map(shellQuote).join(" ");
}
