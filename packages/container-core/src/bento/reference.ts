import { stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { cacheDir } from "../context/cache-dir.js";
import { BentoNotFoundError } from "../errors.js";
import { bentomlHome } from "../store/home.js";
import { resolveStoreEntry } from "../store/resolve.js";
import { parseTag } from "../tag.js";
import { isArchivePath, unpackArchive } from "./archive.js";
import { type CachedBentoConfig, loadBentoConfigCached } from "./config-cache.js";
import { loadBentoConfig } from "./load-config.js";
import type { BentoConfig } from "./schema.js";

/** How a bento was referred to. */
export type BentoOrigin = "store" | "directory" | "archive";

/** A bento ready to read; `dispose` removes what resolving made (an unpacked archive). */
export interface ResolvedBento {
  dir: string;
  config: BentoConfig;
  origin: BentoOrigin;
  dispose(): Promise<void>;
  /** Keeps what resolving learned for later builds (the parsed bento.yaml, with `cache`). */
  keep(): Promise<void>;
}

/** Where references are looked up. */
export interface ResolveBentoOptions {
  /** BentoML home (default `BENTOML_HOME`, else `~/bentoml`). */
  home?: string;
  cwd?: string;
  env?: Readonly<Record<string, string | undefined>>;
  onWarning?: (message: string) => void;
  /** A private cache directory to keep parsed bento.yaml files in (see `loadBentoConfigCached`). */
  cache?: string;
}

/**
 * Resolves a bento reference: a directory holding `bento.yaml`, an export
 * archive (`.bento`, `.tar.gz`, `.tar`), or a store tag `name[:version]`.
 */
export async function resolveBento(
  ref: string,
  options: ResolveBentoOptions = {},
): Promise<ResolvedBento> {
  const env = options.env ?? process.env;
  const path = resolve(options.cwd ?? process.cwd(), ref);
  const info = await stat(path).catch(() => undefined);
  const load = async (dir: string): Promise<CachedBentoConfig> =>
    options.cache
      ? loadBentoConfigCached(dir, options.cache)
      : { config: await loadBentoConfig(dir), keep: async () => {} };
  if (info?.isDirectory()) return fromDirectory(path, "directory", load);
  if (info?.isFile() && isArchivePath(path)) {
    const unpacked = await unpackArchive(path, join(cacheDir(env), "archives"));
    try {
      return {
        ...(await fromDirectory(unpacked.dir, "archive", load)),
        dispose: unpacked.dispose,
      };
    } catch (error) {
      await unpacked.dispose();
      throw error;
    }
  }
  if (info || looksLikePath(ref)) {
    throw new BentoNotFoundError(`"${ref}" is neither a bento directory nor a bento archive.`, {
      hint: "Pass a directory that holds bento.yaml, a .bento/.tar.gz/.tar export, or a tag from `bento list`.",
    });
  }
  const home = options.home ?? bentomlHome(env);
  const entry = await resolveStoreEntry(home, "bentos", parseTag(ref, options), options);
  return fromDirectory(entry.path, "store", load);
}

async function fromDirectory(
  dir: string,
  origin: BentoOrigin,
  load: (dir: string) => Promise<CachedBentoConfig>,
): Promise<ResolvedBento> {
  const { config, keep } = await load(dir);
  return { dir, config, origin, dispose: async () => {}, keep };
}

function looksLikePath(ref: string): boolean {
  return ref.includes("/") || ref.includes("\\") || ref.startsWith(".") || isArchivePath(ref);
}
