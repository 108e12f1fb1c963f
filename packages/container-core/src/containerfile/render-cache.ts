import { createHash, randomBytes } from "node:crypto";
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import type { TemplatePlan } from "./variables-v1.js";

/**
 * Renders `plan` through `render`, keeping the body in `dir` under a digest of
 * everything that decides it: the template, its variables, and the identity of
 * every template file and of the code that registers the engine's filters
 * (`engineFile`). A later run with the same inputs reads the body back without
 * loading the template engine. No `dir`, no cache; a cache that cannot be read
 * or written renders as usual.
 */
export async function renderCached(
  plan: TemplatePlan,
  cache: { dir?: string; templates: string; engineFile: string },
  render: () => Promise<string>,
): Promise<string> {
  if (cache.dir === undefined) return render();
  const key = renderKey(plan, cache.templates, cache.engineFile);
  const path = join(cache.dir, `${key}.txt`);
  const kept = readKept(path);
  if (kept !== undefined) return kept;
  const body = await render();
  keep(cache.dir, path, body);
  return body;
}

function renderKey(plan: TemplatePlan, templates: string, engineFile: string): string {
  const files = readdirSync(templates)
    .sort()
    .map((name) => identity(join(templates, name)));
  return createHash("sha256")
    .update(JSON.stringify([plan.template, plan.variables, files, identity(engineFile)]))
    .digest("hex")
    .slice(0, 32);
}

function identity(path: string): string {
  const found = statSync(path);
  return `${path}@${found.ino}:${found.size}:${found.mtimeMs}`;
}

function readKept(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

function keep(dir: string, path: string, body: string): void {
  const temporary = `${path}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(temporary, body, { mode: 0o600 });
    renameSync(temporary, path);
  } catch {
    // A cache that cannot be written only costs the next run a render.
    try {
      rmSync(temporary, { force: true });
    } catch {}
  }
}
