import type { JinjaToken, TagToken, TextToken } from "./lexer.js";

/**
 * Applies BentoML's Jinja whitespace settings to the text pieces: `trim_blocks`
 * (drop the newline after a block tag or comment), `lstrip_blocks` (drop the
 * indentation before one), and the `-` markers (drop all whitespace on that side).
 */
export function applyJinjaWhitespace(tokens: readonly JinjaToken[]): JinjaToken[] {
  return tokens.map((token, i) =>
    token.kind === "text"
      ? trimText(token, tag(tokens[i - 1]), tag(tokens[i + 1]), i === 0)
      : token,
  );
}

function tag(token: JinjaToken | undefined): TagToken | undefined {
  return token?.kind === "text" ? undefined : token;
}

function isBlockTag(token: TagToken): boolean {
  return token.kind === "statement" || token.kind === "comment";
}

function trimText(
  token: TextToken,
  before: TagToken | undefined,
  after: TagToken | undefined,
  first: boolean,
): TextToken {
  let text = token.text;
  const lastBreak = text.lastIndexOf("\n");
  const tail = lastBreak >= 0 ? text.slice(lastBreak + 1) : first ? text : undefined;
  const lstrip =
    after !== undefined &&
    isBlockTag(after) &&
    !after.keepBefore &&
    tail !== undefined &&
    /^[ \t]*$/.test(tail);
  if (before?.trimAfter) text = text.replace(/^\s+/, "");
  else if (before !== undefined && isBlockTag(before)) text = text.replace(/^\r?\n/, "");
  if (after?.trimBefore) text = text.replace(/\s+$/, "");
  else if (lstrip) text = text.replace(/[ \t]*$/, "");
  return { ...token, text };
}
