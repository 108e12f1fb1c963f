import { jinjaError } from "./error.js";
import { type JinjaToken, lexJinja } from "./lexer.js";
import { applyJinjaWhitespace } from "./whitespace.js";

/** A `{% macro name(a, b=default) %}` definition, kept as tokens and expanded where called. */
export interface MacroDef {
  name: string;
  params: { name: string; default?: string }[];
  body: JinjaToken[];
  /** The macros of the file that defined it: its body calls them by bare name. */
  module: Map<string, MacroDef>;
  /** The file that defined it, for error lines. */
  file: string;
}

/** Macro files a template may import by name: `_macros.j2`, BentoML's, in our own words. */
export type MacroSources = Readonly<Record<string, string>>;

const SIGNATURE = /^(\w+)\s*\(([\s\S]*)\)$/;
const PARAM = /^(\w+)(?:\s*=\s*([\s\S]+))?$/;

/** Splits `name(a, b="x, y")` into its name and parameters (defaults kept as Jinja text). */
export function parseSignature(
  text: string,
  fail: (message: string) => never,
): { name: string; params: MacroDef["params"] } {
  const match = SIGNATURE.exec(text.trim());
  if (!match) return fail(`unsupported macro signature "${text}"`);
  const params = splitTopLevel(match[2]!).map((part) => {
    const param = PARAM.exec(part.trim());
    if (!param) return fail(`unsupported macro parameter "${part.trim()}"`);
    return { name: param[1]!, default: param[2]?.trim() };
  });
  return { name: match[1]!, params };
}

/** Splits on commas outside quotes and brackets. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let current = "";
  for (const char of text) {
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") quote = char;
    else if ("([{".includes(char)) depth++;
    else if (")]}".includes(char)) depth--;
    else if (char === "," && depth === 0) {
      parts.push(current);
      current = "";
      continue;
    }
    current += char;
  }
  if (current.trim() !== "") parts.push(current);
  return parts;
}

/**
 * The index of the tag closing the statement opened at `start` (`endmacro` for
 * `macro`, `endcall` for `call`), counting nested ones; -1 when never closed.
 */
export function findClosing(tokens: readonly JinjaToken[], start: number, keyword: string): number {
  let depth = 0;
  for (let i = start; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind !== "statement") continue;
    const word = /^\w+/.exec(token.body)?.[0];
    if (word === keyword) depth++;
    else if (word === `end${keyword}` && --depth === 0) return i;
  }
  return -1;
}

/** The macros a macro file defines (its other content renders nothing when imported). */
export function readMacroFile(
  source: string,
  file: string,
  fail: (line: number, message: string) => never,
): Map<string, MacroDef> {
  const module = new Map<string, MacroDef>();
  const tokens = applyJinjaWhitespace(lexJinja(source, file));
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind !== "statement" || !/^macro\b/.test(token.body)) continue;
    const end = findClosing(tokens, i, "macro");
    if (end < 0) fail(token.line, "{% macro %} is never closed");
    const signature = parseSignature(token.body.slice(5), (m) => fail(token.line, m));
    module.set(signature.name, { ...signature, body: tokens.slice(i + 1, end), module, file });
    i = end;
  }
  return module;
}

/** What an import statement brings into scope. */
export interface Imported {
  namespace?: [string, Map<string, MacroDef>];
  names: [string, MacroDef][];
}

/** The macro files templates may import, each read once. */
export class MacroLibrary {
  private readonly modules = new Map<string, Map<string, MacroDef>>();

  constructor(private readonly files: MacroSources) {}

  /** `'file' as ns` (or, `from` being true, `'file' import a, b as c`). */
  importStatement(rest: string, from: boolean, fail: (message: string) => never): Imported {
    const pattern = from
      ? /^(["'])([\w./-]+)\1\s+import\s+([\w\s,]+?)(?:\s+with(?:out)?\s+context)?$/
      : /^(["'])([\w./-]+)\1\s+as\s+(\w+)(?:\s+with(?:out)?\s+context)?$/;
    const match = pattern.exec(rest);
    if (!match) return fail(`unsupported import "${rest}"`);
    const file = match[2]!;
    const module = this.module(file, fail);
    if (!from) return { namespace: [match[3]!, module], names: [] };
    const names = match[3]!.split(",").map((item): [string, MacroDef] => {
      const [name, alias] = item.trim().split(/\s+as\s+/);
      const macro = module.get(name!);
      return macro ? [alias ?? name!, macro] : fail(`${file} has no macro "${name}"`);
    });
    return { names };
  }

  private module(file: string, fail: (message: string) => never): Map<string, MacroDef> {
    const cached = this.modules.get(file);
    if (cached) return cached;
    const source = this.files[file];
    if (source === undefined) {
      const allowed = Object.keys(this.files).map((f) => `"${f}"`);
      return fail(
        `cannot import "${file}"; templates may import ${allowed.join(", ") || "nothing"}`,
      );
    }
    const module = readMacroFile(source, file, (line, message) => {
      throw jinjaError(file, line, message);
    });
    this.modules.set(file, module);
    return module;
  }
}
