import { ContainerfileError } from "../errors.js";

/** Whether `value` holds a control character that would end or corrupt a line (tab is harmless). */
export function hasControlCharacter(value: string): boolean {
  for (const char of value) {
    const code = char.charCodeAt(0);
    if ((code < 0x20 && code !== 0x09) || code === 0x7f) return true;
  }
  return false;
}

/** An environment variable name as shells and Containerfiles accept it. */
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Refuses a bento.yaml value that would break out of its Containerfile line. */
export function assertOneLine(value: string, key: string): string {
  if (hasControlCharacter(value))
    throw new ContainerfileError(
      `bento.yaml: ${key} holds a line break or control character (${JSON.stringify(value)}), which would start a new Containerfile instruction`,
      { hint: `Remove the line break from ${key}; write one value per line item instead.` },
    );
  return value;
}

/** Refuses an env var name that is not `[A-Za-z_][A-Za-z0-9_]*`. */
export function assertEnvName(name: string, key: string): string {
  if (!ENV_NAME.test(name))
    throw new ContainerfileError(
      `bento.yaml: ${key} is not a valid environment variable name: ${JSON.stringify(name)}`,
      {
        hint: "Use letters, digits and underscores, not starting with a digit.",
      },
    );
  return name;
}

/** Collapses whitespace (line breaks included) to single spaces, as BentoML does for `base_image`. */
export function collapseToOneLine(value: string, key: string): string {
  return assertNoContinuation(assertOneLine(value.trim().split(/\s+/).join(" "), key), key);
}

/** Joins shell line continuations (`\` + newline) and refuses any other line break. */
export function joinContinuations(command: string, key: string): string {
  return assertNoContinuation(assertOneLine(command.replace(/\\\r?\n/g, " ").trim(), key), key);
}

/** Refuses a value ending in `\`, which would join the next instruction to this line. */
function assertNoContinuation(value: string, key: string): string {
  if (value.endsWith("\\"))
    throw new ContainerfileError(
      `bento.yaml: ${key} ends with a backslash, which would swallow the next Containerfile instruction`,
      { hint: `Remove the trailing backslash from ${key}.` },
    );
  return value;
}
