import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** One copy of `@bento/container-core` loaded in this process. */
export interface CoreCopy {
  /** The package's directory. */
  path: string;
  version: string | undefined;
}

// Every copy of core adds its module's location to one process-wide set.
const KEY = Symbol.for("bento-container.core-copies");
const holder = globalThis as { [KEY]?: Set<string> };
const modules: Set<string> = holder[KEY] ?? new Set<string>();
holder[KEY] = modules;
modules.add(fileURLToPath(import.meta.url));

/**
 * The copies of core loaded in this process; more than one means a backend
 * brought its own (core should be its peer dependency) and types or checks
 * that rely on one copy may disagree. `bento health` warns about it.
 */
export function loadedCores(): CoreCopy[] {
  const copies = new Map<string, CoreCopy>();
  for (const file of modules) {
    const path = packageDir(file);
    if (!copies.has(path)) copies.set(path, { path, version: versionOf(path) });
  }
  return [...copies.values()];
}

function packageDir(file: string): string {
  for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir))
    if (existsSync(join(dir, "package.json"))) return dir;
  return dirname(file);
}

function versionOf(dir: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { version?: string })
      .version;
  } catch {
    return undefined;
  }
}
