import { instructions, onlySingleQuoted, strayLines } from "../support/containerfile-lines.js";
import type { Field } from "./fields.js";
import { SHELL_NEEDLE } from "./payloads.js";

/**
 * Why a Containerfile rendered with a payload is unsafe, compared with the same field's
 * harmless rendering; `undefined` when it is safe: every logical line a known instruction
 * or a comment, as many instructions as the clean file, and (unless the field is a shell
 * command by design) the payload's command only inside single quotes in RUN lines.
 */
export function unsafeRendering(field: Field, clean: string, text: string): string | undefined {
  const stray = strayLines(text);
  if (stray.length > 0) return `stray lines: ${JSON.stringify(stray.map((l) => l.text))}`;
  const expected = instructions(clean).length;
  const found = instructions(text);
  if (found.length !== expected)
    return `${found.length} instructions instead of ${expected}: ${found.map((l) => l.keyword).join(" ")}`;
  if (field.shellByDesign) return undefined;
  const exposed = found.filter(
    (line) => line.keyword === "RUN" && !onlySingleQuoted(line.text, SHELL_NEEDLE),
  );
  if (exposed.length > 0) return `unquoted in RUN: ${exposed.map((l) => l.text).join("\n")}`;
  return undefined;
}
