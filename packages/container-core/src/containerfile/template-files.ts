import { readdirSync, readFileSync } from "node:fs";

const TEMPLATES = new URL("./templates/", import.meta.url);

/**
 * The Containerfile templates' texts by file name (`base.liquid`, `_macros.j2`, ...), read from
 * `./templates/` when run from the sources. The build replaces this module with
 * the texts inlined (`tsup/inline-templates.ts`), so core and any bundle of an
 * app using it read no template file at run time.
 */
export function templateFiles(): Readonly<Record<string, string>> {
  const entries = readdirSync(TEMPLATES)
    .sort()
    .map((name) => [name, readFileSync(new URL(name, TEMPLATES), "utf8")]);
  return Object.fromEntries(entries);
}
