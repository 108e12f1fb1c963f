const SAFE = /^[\w@%+=:,./-]+$/;

/** An argv as a copy-pasteable shell line, for messages only (never executed). */
export function formatArgv(argv: readonly string[]): string {
  return argv.map((arg) => (SAFE.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`)).join(" ");
}
