import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { type Document, parseDocument, visit } from "yaml";
import { BentoNotFoundError, BentoYamlError } from "../errors.js";
import type { BentoConfig } from "./schema.js";
import { validateBentoConfig } from "./validate.js";

/**
 * Parses and validates `bento.yaml` text; `file` names it in errors.
 * Numbers are read as their source text, so `python_version: 3.10` stays `"3.10"`.
 */
export function parseBentoConfig(text: string, file: string): BentoConfig {
  return validateBentoConfig(bentoYamlData(text, file), file);
}

/** `bento.yaml` text as plain data, before validation (numbers as their source text). Pure. */
export function bentoYamlData(text: string, file: string): unknown {
  if (text.trim() === "")
    throw new BentoYamlError(`${file}: is empty`, {
      hint: "A bento.yaml holds at least name, version and service; rebuild the bento.",
    });
  if (text.length > MAX_YAML_CHARS) throw tooLarge(file, text.length);
  if (flowDepth(text) > MAX_FLOW_DEPTH)
    throw new BentoYamlError(
      `${file}: cannot be read as YAML: its [ ] and { } collections nest more than ${MAX_FLOW_DEPTH} deep`,
      { hint: "bento.yaml must be plain settings, without deep nesting; rebuild the bento." },
    );
  try {
    const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
    const [error] = doc.errors;
    // The parser reports running out of stack (deep block nesting) as a syntax error.
    if (error && /call stack/i.test(error.message)) throw new RangeError(error.message);
    if (error)
      throw new BentoYamlError(`${file}: is not valid YAML: ${error.message}`, {
        hint: "Fix the YAML syntax at the line shown, or rebuild the bento.",
        cause: error,
      });
    return numbersAsSource(doc).toJS();
  } catch (error) {
    if (error instanceof BentoYamlError) throw error;
    // The parser's own limits: too many aliases (a "billion laughs" bomb), nesting past the stack.
    throw new BentoYamlError(`${file}: cannot be read as YAML: ${yamlLimit(error)}`, {
      hint: "bento.yaml must be plain settings, without deep nesting or aliases that expand it; rebuild the bento.",
      cause: error,
    });
  }
}

function tooLarge(file: string, size: number): BentoYamlError {
  return new BentoYamlError(
    `${file}: is ${(size / 1024 / 1024).toFixed(1)} MB, more than a bento.yaml can be (${MAX_YAML_CHARS / 1024 / 1024} MB)`,
    { hint: "A bento.yaml holds a few kilobytes of settings; rebuild the bento." },
  );
}

/** Far more than any real bento.yaml (a few KB), small enough to parse in bounded time and memory. */
const MAX_YAML_CHARS = 4 * 1024 * 1024;

/** The parser slows down sharply on deeply nested flow collections: refused before parsing. */
const MAX_FLOW_DEPTH = 64;

/** How deep `[` and `{` nest in `text`, outside quotes and comments (a cheap scan). */
function flowDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "[" || c === "{") deepest = Math.max(deepest, ++depth);
    else if (c === "]" || c === "}") depth = Math.max(0, depth - 1);
    else if (c === '"' || c === "'") i = closingQuote(text, i);
    else if (c === "#" && (i === 0 || /\s/.test(text[i - 1]!))) i = lineEnd(text, i);
  }
  return deepest;
}

function closingQuote(text: string, start: number): number {
  const quote = text[start];
  for (let i = start + 1; i < text.length; i++) {
    if (quote === '"' && text[i] === "\\") i++;
    else if (text[i] === quote) return i;
  }
  return text.length;
}

function lineEnd(text: string, start: number): number {
  const end = text.indexOf("\n", start);
  return end < 0 ? text.length : end;
}

function yamlLimit(error: unknown): string {
  if (error instanceof RangeError) return "it is nested too deeply";
  const message = error instanceof Error ? error.message : String(error);
  return /alias/i.test(message) ? "its aliases expand too far (a YAML alias bomb)" : message;
}

/** Reads and validates `<dir>/bento.yaml`. */
export async function loadBentoConfig(dir: string): Promise<BentoConfig> {
  const { file, text } = await readBentoYaml(dir);
  return parseBentoConfig(text, file);
}

/** The path and text of `<dir>/bento.yaml`, refused unread when too large. */
export async function readBentoYaml(dir: string): Promise<{ file: string; text: string }> {
  const file = join(dir, "bento.yaml");
  let text: string;
  try {
    // Not read at all when too large: bounded memory however big the file is.
    const { size } = await stat(file);
    if (size > MAX_YAML_CHARS) throw tooLarge(file, size);
    text = await readFile(file, "utf8");
  } catch (cause) {
    if (cause instanceof BentoYamlError) throw cause;
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR")
      throw new BentoNotFoundError(`No bento.yaml in ${dir}`, {
        hint: "Point at a bento directory (it holds bento.yaml), or build the bento first.",
        cause,
      });
    throw new BentoYamlError(`${file}: cannot be read (${code ?? String(cause)})`, { cause });
  }
  return { file, text };
}

/** Replaces every numeric scalar by its source text: versions like 3.10 and 12.0 keep their digits. */
function numbersAsSource(doc: Document): Document {
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === "number") node.value = node.source ?? String(node.value);
    },
  });
  return doc;
}
