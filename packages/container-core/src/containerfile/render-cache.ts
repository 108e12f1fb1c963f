import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileIdentity } from "../backend/fingerprint.js";
import { writeCacheFile } from "../context/cache-dir.js";
import type { TemplatePlan } from "./variables-v1.js";

/**
 * Renders `plan` through `render`, keeping the body in `dir` under a digest of
 * everything that decides it: the template, its variables, the text of every
 * template and the identity of the code that registers the engine's filters
 * (`engineFile`). A later run with the same inputs reads the body back without
 * loading the template engine. Each kept body carries its own digest, so a
 * truncated or garbled one is rendered again, never used. No `dir`, no cache; a
 * cache that cannot be read or written renders as usual.
 */
export async function renderCached(
  plan: TemplatePlan,
  cache: { dir?: string; templates: Readonly<Record<string, string>>; engineFile: string },
  render: () => Promise<string>,
): Promise<string> {
  if (cache.dir === undefined) return render();
  const key = await renderKey(plan, cache.templates, cache.engineFile);
  const path = join(cache.dir, `${key}.txt`);
  const kept = readKept(path);
  if (kept !== undefined) return kept;
  const body = await render();
  // A cache that cannot be written only costs the next run a render.
  await writeCacheFile(path, `${bodyDigest(body)}\n${body}`).catch(() => {});
  return body;
}

async function renderKey(
  plan: TemplatePlan,
  templates: Readonly<Record<string, string>>,
  engineFile: string,
): Promise<string> {
  const engine = await fileIdentity(engineFile);
  return createHash("sha256")
    .update(JSON.stringify([plan.template, plan.variables, templates, engine]))
    .digest("hex")
    .slice(0, 32);
}

function readKept(path: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
  const newline = text.indexOf("\n");
  const body = text.slice(newline + 1);
  return newline > 0 && text.slice(0, newline) === bodyDigest(body) ? body : undefined;
}

function bodyDigest(body: string): string {
  return createHash("sha256").update(body).digest("hex").slice(0, 32);
}
