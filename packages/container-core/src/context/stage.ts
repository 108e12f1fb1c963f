import { mkdirSync } from "node:fs";
import { stat } from "node:fs/promises";
import { join } from "node:path";
import { BentoError } from "../errors.js";
import { acquireLock } from "./lock.js";
import { type MirrorSource, mirrorTree } from "./mirror.js";

/** What goes into a build context besides the bento's own files. */
export interface ContextExtra {
  /** Absolute directory to take the files from (model store, hub cache). */
  from: string;
  /** Relative destination inside the context, e.g. `models/iris/v1`. */
  to: string;
}

/** A build context ready for the backend. */
export interface StagedContext {
  dir: string;
  /** Whether the context is a staged tree of links rather than the bento itself. */
  staged: boolean;
  linked: number;
  copied: number;
  reused: number;
  durationMs: number;
}

/** Options of {@link stageContext}. */
export interface StageOptions {
  bentoDir: string;
  extras: readonly ContextExtra[];
  /** Stable per-bento directory name, e.g. `iris-v1-<hash>`. */
  key: string;
  /** Parent of all staged contexts (the cache directory). */
  cacheRoot: string;
}

/**
 * The build context for a bento without copying it: the bento directory when it
 * holds everything, else a stable tree of hard links (bento plus extras), kept
 * across builds so the engine's incremental context transfer and cache work.
 */
export async function stageContext(options: StageOptions): Promise<StagedContext> {
  const started = Date.now();
  if (options.extras.length === 0) {
    return { dir: options.bentoDir, staged: false, linked: 0, copied: 0, reused: 0, durationMs: 0 };
  }
  const parent = join(options.cacheRoot, "contexts");
  const dir = join(parent, options.key);
  const sources: MirrorSource[] = [{ from: options.bentoDir, to: "" }, ...options.extras];
  try {
    mkdirSync(parent, { recursive: true, mode: 0o700 });
    const lock = await acquireLock(`${dir}.lock`);
    try {
      const stats = await mirrorTree(sources, dir);
      return { dir, staged: true, ...stats, durationMs: Date.now() - started };
    } finally {
      await lock.release();
    }
  } catch (error) {
    if (error instanceof BentoError) throw error;
    const free = await stat(parent).then(
      () => "",
      () => " (the directory could not be created)",
    );
    throw new BentoError(
      `Could not stage the build context in ${dir}${free}: ${(error as Error).message}.`,
      {
        hint: "Set BENTO_CONTAINER_CACHE_DIR to a writable directory with room for the bento's files (ideally on the same filesystem as the model store, so files are linked, not copied).",
        cause: error,
      },
    );
  }
}
