import { readdir } from "node:fs/promises";
import { allModels, type BentoConfig } from "../bento/schema.js";
import { ContainerfileError } from "../errors.js";
import { hasControlCharacter } from "./line-safety.js";

/**
 * Containerfile layout: `layered` (default) copies models before code, so a code
 * change reuses the model layers; `compat` is BentoML's one `COPY . ./`.
 */
export type Layout = "layered" | "compat";

const PLAIN_NAME = /^[A-Za-z0-9_.@+=,-]+$/;
/** Characters COPY would expand or glob even in JSON form, and path separators. */
const UNREPRESENTABLE = /[$\\*?[\]/]/;
const FIRST = ["models", "hf-models"];
const LAST = "src";

/**
 * Arguments (after `--chown`) of the COPY instructions filling the bento directory.
 * Layered copies models and hf-models first, then each other entry, and `src` last,
 * so a code change leaves the model layers cached; the resulting tree is compat's.
 */
export function copyArguments(layout: Layout, entries: readonly string[]): string[] {
  if (layout === "compat") return [". ./"];
  const names = [...new Set(entries)].filter((name) => name !== "." && name !== "..");
  const middle = names.filter((name) => !FIRST.includes(name) && name !== LAST).sort();
  const ordered = [
    ...FIRST.filter((name) => names.includes(name)),
    ...middle,
    ...(names.includes(LAST) ? [LAST] : []),
  ];
  return ordered.map(copyArgument);
}

function copyArgument(name: string): string {
  if (PLAIN_NAME.test(name)) return `./${name} ./${name}`;
  if (UNREPRESENTABLE.test(name) || hasControlCharacter(name))
    throw new ContainerfileError(
      `The bento's top-level entry ${JSON.stringify(name)} cannot be written into a COPY instruction`,
      { hint: "Rename it (no $, \\, *, ?, [, ], / or control characters), or use layout compat." },
    );
  const path = JSON.stringify(`./${name}`);
  return `[${path}, ${path}]`;
}

/**
 * Top-level names of the build context when the caller does not say: the bento
 * directory's entries, plus `models` and `hf-models` when the bento lists models
 * (they are staged into the context from the stores).
 */
export async function listContextEntries(dir: string, config: BentoConfig): Promise<string[]> {
  const names = new Set(await readdir(dir));
  for (const model of allModels(config))
    names.add(model.registry === "huggingface" ? "hf-models" : "models");
  return [...names].sort();
}
