/** A token of a Jinja expression. */
export interface ExprToken {
  type: "name" | "string" | "number" | "op";
  /** Names, operators and numbers as written; strings decoded. */
  value: string;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
const NUMBER = /^\d+(\.\d+)?/;
const OPERATORS = [
  "==",
  "!=",
  "<=",
  ">=",
  "**",
  "//",
  "<",
  ">",
  "|",
  ".",
  ",",
  "(",
  ")",
  "[",
  "]",
  "=",
  "~",
  "+",
  "-",
  "*",
  "/",
  "%",
  ":",
  "{",
  "}",
];
const ESCAPES: Record<string, string> = {
  n: "\n",
  t: "\t",
  r: "\r",
  "\\": "\\",
  "'": "'",
  '"': '"',
};

/** Splits a Jinja expression into tokens; `fail` reports what cannot be read. */
export function lexExpression(text: string, fail: (message: string) => never): ExprToken[] {
  const tokens: ExprToken[] = [];
  let rest = text.trim();
  while (rest.length > 0) {
    const char = rest[0]!;
    const name = NAME.exec(rest)?.[0];
    const number = NUMBER.exec(rest)?.[0];
    const op = OPERATORS.find((candidate) => rest.startsWith(candidate));
    let length: number;
    if (char === '"' || char === "'") {
      const [value, consumed] = readString(rest, fail);
      tokens.push({ type: "string", value });
      length = consumed;
    } else if (name !== undefined) {
      tokens.push({ type: "name", value: name });
      length = name.length;
    } else if (number !== undefined) {
      tokens.push({ type: "number", value: number });
      length = number.length;
    } else if (op !== undefined) {
      tokens.push({ type: "op", value: op });
      length = op.length;
    } else fail(`unexpected character ${JSON.stringify(char)} in expression "${text}"`);
    rest = rest.slice(length).trimStart();
  }
  return tokens;
}

/** A quoted string at the start of `text`: its value and how many characters it took. */
function readString(text: string, fail: (message: string) => never): [string, number] {
  const quote = text[0]!;
  let value = "";
  for (let i = 1; i < text.length; i++) {
    const char = text[i]!;
    if (char === quote) return [value, i + 1];
    if (char === "\\") {
      const next = text[++i] ?? "";
      value += ESCAPES[next] ?? `\\${next}`;
    } else value += char;
  }
  fail(`unterminated string in expression "${text}"`);
}
