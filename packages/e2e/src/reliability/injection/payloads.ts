/** The file a payload that reached a shell would create. */
export const MARK = "/tmp/bento-injection-mark";

/** Values that would break out of their Containerfile line, or run a command if unquoted. */
export const LINE_PAYLOADS: readonly string[] = [
  "x\nUSER pwned",
  "x\r\nUSER pwned",
  "x \\\nUSER pwned",
  "x\\",
  "x\u0000\nUSER pwned",
  "x\u000bUSER pwned",
];

/** Values that run `touch MARK` if they ever reach a shell unquoted. */
export const SHELL_PAYLOADS: readonly string[] = [
  `$(touch ${MARK})`,
  `\`touch ${MARK}\``,
  `x; touch ${MARK}`,
  `x && touch ${MARK}`,
  `x' ; touch ${MARK} ; '`,
  `x" ; touch ${MARK} ; "`,
  `x\\' ; touch ${MARK}`,
];

/** The command every shell payload carries. */
export const SHELL_NEEDLE = `touch ${MARK}`;
