import { jinjaError } from "./error.js";

/** Literal template text. */
export interface TextToken {
  kind: "text";
  text: string;
  line: number;
  /** Inside `{% raw %}`: emitted verbatim, never parsed. */
  raw?: boolean;
}

/** `{{ }}`, `{% %}` or `{# #}`, with its whitespace-control markers. */
export interface TagToken {
  kind: "output" | "statement" | "comment";
  body: string;
  line: number;
  /** `{%-`: strip all whitespace before. */
  trimBefore: boolean;
  /** `{%+`: keep the indentation lstrip_blocks would strip. */
  keepBefore: boolean;
  /** `-%}`: strip all whitespace after. */
  trimAfter: boolean;
}

/** A lexed template piece. */
export type JinjaToken = TextToken | TagToken;

const OPENER = /\{([{%#])/g;
const CLOSERS: Record<string, string> = { "{": "}}", "%": "%}", "#": "#}" };
const KINDS: Record<string, TagToken["kind"]> = { "{": "output", "%": "statement", "#": "comment" };
const ENDRAW = /\{%([-+]?)\s*endraw\s*(-?)%\}/g;

/** Splits a Jinja template into text and tags, tracking each piece's line. */
export function lexJinja(source: string, file: string): JinjaToken[] {
  const tokens: JinjaToken[] = [];
  let pos = 0;
  const lineAt = (index: number) => countLines(source, index);
  while (pos < source.length) {
    OPENER.lastIndex = pos;
    const open = OPENER.exec(source);
    if (!open) break;
    if (open.index > pos)
      tokens.push({ kind: "text", text: source.slice(pos, open.index), line: lineAt(pos) });
    const mark = open[1]!;
    const tag = readTag(source, open.index, mark, file, lineAt(open.index));
    tokens.push(tag.token);
    pos = tag.end;
    if (tag.token.kind === "statement" && tag.token.body === "raw")
      pos = readRaw(source, pos, tokens, file, tag.token.line);
  }
  if (pos < source.length)
    tokens.push({ kind: "text", text: source.slice(pos), line: lineAt(pos) });
  return tokens;
}

function readTag(source: string, start: number, mark: string, file: string, line: number) {
  let bodyStart = start + 2;
  const marker = source[bodyStart];
  if (marker === "-" || marker === "+") bodyStart++;
  const closer = CLOSERS[mark]!;
  const close = findCloser(source, bodyStart, closer, mark !== "#");
  if (close < 0) throw jinjaError(file, line, `"{${mark}" is never closed with "${closer}"`);
  const trimAfter = close > bodyStart && source[close - 1] === "-";
  const bodyEnd = trimAfter || (close > bodyStart && source[close - 1] === "+") ? close - 1 : close;
  const token: TagToken = {
    kind: KINDS[mark]!,
    body: source.slice(bodyStart, bodyEnd).trim(),
    line,
    trimBefore: marker === "-",
    keepBefore: marker === "+",
    trimAfter,
  };
  return { token, end: close + 2 };
}

/** Index of `closer` after `from`, skipping quoted strings when `quotes` is set. */
function findCloser(source: string, from: number, closer: string, quotes: boolean): number {
  let quote: string | undefined;
  for (let i = from; i < source.length; i++) {
    const char = source[i]!;
    if (quote !== undefined) {
      if (char === "\\") i++;
      else if (char === quote) quote = undefined;
    } else if (quotes && (char === '"' || char === "'")) quote = char;
    else if (source.startsWith(closer, i)) return i;
  }
  return -1;
}

/** Reads `{% raw %}` content up to `{% endraw %}`, pushing it and the closing tag. */
function readRaw(
  source: string,
  pos: number,
  tokens: JinjaToken[],
  file: string,
  line: number,
): number {
  ENDRAW.lastIndex = pos;
  const end = ENDRAW.exec(source);
  if (!end) throw jinjaError(file, line, "{% raw %} is never closed with {% endraw %}");
  tokens.push({
    kind: "text",
    text: source.slice(pos, end.index),
    line: countLines(source, pos),
    raw: true,
  });
  tokens.push({
    kind: "statement",
    body: "endraw",
    line: countLines(source, end.index),
    trimBefore: end[1] === "-",
    keepBefore: end[1] === "+",
    trimAfter: end[2] === "-",
  });
  return end.index + end[0].length;
}

function countLines(source: string, index: number): number {
  let line = 1;
  for (let i = source.indexOf("\n"); i >= 0 && i < index; i = source.indexOf("\n", i + 1)) line++;
  return line;
}
