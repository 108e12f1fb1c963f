import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { writeCacheFile } from "../context/cache-dir.js";
import { bentoYamlData, readBentoYaml } from "./load-config.js";
import type { BentoConfig } from "./schema.js";
import { validateBentoConfig } from "./validate.js";

/**
 * {@link loadBentoConfig} with the parsed YAML kept in the cache directory
 * (`bento-yaml/<sha256 of the text>.json`): a rebuild reads JSON instead of
 * running the YAML parser, which is most of the time planning spends before
 * the engine starts. The data is validated every time; an unreadable or
 * unwritable cache file only costs the parse.
 */
export async function loadBentoConfigCached(dir: string, cache: string): Promise<BentoConfig> {
  const { file, text } = await readBentoYaml(dir);
  const key = createHash("sha256").update(text).digest("hex");
  const path = join(cache, "bento-yaml", `${key}.json`);
  const kept = await readFile(path, "utf8")
    .then((json) => JSON.parse(json) as unknown)
    .catch(() => undefined);
  // Only valid data is kept: a file that does not validate was damaged, and is parsed again.
  if (kept !== undefined) {
    try {
      return validateBentoConfig(kept, file);
    } catch {}
  }
  const data = bentoYamlData(text, file);
  const config = validateBentoConfig(data, file);
  await writeCacheFile(path, JSON.stringify(data)).catch(() => {});
  return config;
}
