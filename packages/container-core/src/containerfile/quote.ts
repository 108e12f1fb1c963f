/** Characters a shell word may hold unquoted (the set Python's `shlex.quote` leaves alone). */
const SAFE_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** Quotes `value` as one POSIX shell word, leaving plain words as they are. */
export function shellQuote(value: string): string {
  if (value === "") return "''";
  if (SAFE_WORD.test(value)) return value;
  return `'${value.replaceAll("'", `'"'"'`)}'`;
}
