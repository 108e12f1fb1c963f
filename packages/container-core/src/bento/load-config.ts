import { readFile } from "node:fs/promises";
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
  if (text.trim() === "")
    throw new BentoYamlError(`${file}: is empty`, {
      hint: "A bento.yaml holds at least name, version and service; rebuild the bento.",
    });
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  const [error] = doc.errors;
  if (error)
    throw new BentoYamlError(`${file}: is not valid YAML: ${error.message}`, {
      hint: "Fix the YAML syntax at the line shown, or rebuild the bento.",
      cause: error,
    });
  return validateBentoConfig(numbersAsSource(doc).toJS(), file);
}

/** Reads and validates `<dir>/bento.yaml`. */
export async function loadBentoConfig(dir: string): Promise<BentoConfig> {
  const file = join(dir, "bento.yaml");
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR")
      throw new BentoNotFoundError(`No bento.yaml in ${dir}`, {
        hint: "Point at a bento directory (it holds bento.yaml), or build the bento first.",
        cause,
      });
    throw new BentoYamlError(`${file}: cannot be read (${code ?? String(cause)})`, { cause });
  }
  return parseBentoConfig(text, file);
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
