import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { writeCacheFile } from "../context/cache-dir.js";
import { bentoYamlData, readBentoYaml } from "./load-config.js";
import type { BentoConfig } from "./schema.js";
import { validateBentoConfig } from "./validate.js";

/** A loaded bento.yaml, and how to keep its parsed data for later builds. */
export interface CachedBentoConfig {
  config: BentoConfig;
  /** Writes the parsed data to the cache (nothing when it came from there); never rejects. */
  keep(): Promise<void>;
}

/**
 * {@link loadBentoConfig} with the parsed YAML kept in the cache directory
 * (`bento-yaml/<sha256 of the text>.json`): a rebuild reads JSON instead of
 * running the YAML parser, which is most of the time planning spends before
 * the engine starts. The data is validated every time; an unreadable kept
 * file only costs the parse. `keep` writes it: a build calls it once it is
 * planned, so a build refused for bad input leaves the cache as it was.
 */
export async function loadBentoConfigCached(
  dir: string,
  cache: string,
): Promise<CachedBentoConfig> {
  const { file, text } = await readBentoYaml(dir);
  const key = createHash("sha256").update(text).digest("hex");
  const path = join(cache, "bento-yaml", `${key}.json`);
  const kept = await readFile(path, "utf8")
    .then((json) => JSON.parse(json) as unknown)
    .catch(() => undefined);
  // Only valid data is kept: a file that does not validate was damaged, and is parsed again.
  if (kept !== undefined) {
    try {
      return { config: validateBentoConfig(kept, file), keep: async () => {} };
    } catch {}
  }
  const data = bentoYamlData(text, file);
  const config = validateBentoConfig(data, file);
  const keep = () => writeCacheFile(path, JSON.stringify(data)).catch(() => {});
  return { config, keep };
}
