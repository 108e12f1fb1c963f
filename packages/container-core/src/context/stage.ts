import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { BentoError } from "../errors.js";
import {
  acquireLock,
  type FileLock,
  stopOrphanedEngines,
  sweepStaleLocks,
  tryLock,
} from "./lock.js";
import { type MirrorSource, type MirrorStats, mirrorTree, removeTree } from "./mirror.js";
import { markUsed, sweepSpareTrees, treeLock, treeName } from "./spare-trees.js";

/** What goes into a build context besides the bento's own files. */
export interface ContextExtra {
  /** Absolute directory to take the files from (model store, hub cache). */
  from: string;
  /** Relative destination inside the context, e.g. `models/iris/v1`. */
  to: string;
}

/** A build context ready for the backend; `release` once the engine is done reading it. */
export interface StagedContext {
  dir: string;
  /** Whether the context is a staged tree of links rather than the bento itself. */
  staged: boolean;
  linked: number;
  copied: number;
  reused: number;
  durationMs: number;
  /** Said once to the user when the tree holds copies instead of links. */
  warning?: string;
  /**
   * The staged tree's `treeIdentity`, gathered by the staging walk itself;
   * `undefined` when the context is the bento directory (not staged).
   */
  identity?: string;
  /** Lets other builds of the same bento use this tree again. */
  release(): Promise<void>;
}

/** Options of {@link stageContext}. */
export interface StageOptions {
  bentoDir: string;
  extras: readonly ContextExtra[];
  /** Stable per-bento directory name, e.g. `iris-v1`. */
  key: string;
  /** Parent of all staged contexts (the cache directory). */
  cacheRoot: string;
}

/** Trees one bento may have at once: one per build running concurrently. */
const MAX_TREES = 16;

/**
 * The build context for a bento without copying it: the bento directory when it
 * holds everything, else a tree of hard links (bento plus extras) kept across
 * builds, so the engine's incremental context transfer and cache work.
 *
 * A tree belongs to one build until `release`: a build of the same bento running
 * meanwhile (another copy of it, say) takes the next free tree (`KEY~2`, ...), so
 * no build ever reads files another one is relinking. A tree whose build was
 * killed is taken over (the engine it left running stopped first) and repaired; spare trees left unused are swept.
 */
export async function stageContext(options: StageOptions): Promise<StagedContext> {
  const started = Date.now();
  if (options.extras.length === 0) {
    return {
      dir: options.bentoDir,
      staged: false,
      linked: 0,
      copied: 0,
      reused: 0,
      durationMs: 0,
      release: async () => {},
    };
  }
  const parent = join(options.cacheRoot, "contexts");
  const sources: MirrorSource[] = [{ from: options.bentoDir, to: "" }, ...options.extras];
  let claimed: { dir: string; lock: FileLock } | undefined;
  try {
    mkdirSync(parent, { recursive: true, mode: 0o700 });
    claimed = await claimTree(parent, options.key);
    markUsed(claimed.dir);
    sweepSpareTrees(parent);
    sweepStaleLocks(parent);
    const stats = await mirrorOrRepair(sources, claimed.dir);
    return {
      dir: claimed.dir,
      staged: true,
      linked: stats.linked,
      copied: stats.copied,
      reused: stats.reused,
      durationMs: Date.now() - started,
      warning: copyWarning(stats, claimed.dir),
      identity: stats.identity,
      release: releaseTree(claimed),
    };
  } catch (error) {
    await claimed?.lock.release();
    throw stagingError(error, claimed?.dir ?? join(parent, options.key));
  }
}

/** The first tree of `key` no live build holds, locked for this build. */
async function claimTree(parent: string, key: string): Promise<{ dir: string; lock: FileLock }> {
  for (let n = 1; n <= MAX_TREES; n++) {
    const dir = join(parent, treeName(key, n));
    const lock =
      tryLock(treeLock(dir)) ??
      ((await stopOrphanedEngines(treeLock(dir))) ? tryLock(treeLock(dir)) : undefined);
    if (lock) return { dir, lock };
  }
  const dir = join(parent, key);
  return {
    dir,
    lock: await acquireLock(
      treeLock(dir),
      "Another bento build of the same bento is using its context",
    ),
  };
}

/** Frees the tree for other builds, marked as just used so no sweep takes it soon. */
function releaseTree(claimed: { dir: string; lock: FileLock }): () => Promise<void> {
  return () => {
    markUsed(claimed.dir);
    return claimed.lock.release();
  };
}

/**
 * Mirrors into `dir`; a tree the mirror cannot fix in place (left unreadable,
 * say) is removed and made again once. A failed tree never stays half-made.
 */
async function mirrorOrRepair(sources: readonly MirrorSource[], dir: string): Promise<MirrorStats> {
  try {
    return await mirrorTree(sources, dir);
  } catch (error) {
    removeTree(dir);
    if (isNoSpace(error)) throw error;
  }
  try {
    return await mirrorTree(sources, dir);
  } catch (error) {
    removeTree(dir);
    throw error;
  }
}

function isNoSpace(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === "ENOSPC" || code === "EDQUOT";
}

function copyWarning(stats: MirrorStats, dir: string): string | undefined {
  if (stats.copyReason === "EXDEV") {
    return `The build context ${dir} holds copies of the bento's and models' files, not hard links: the cache directory is on another filesystem than they are. Set BENTO_CONTAINER_CACHE_DIR to a directory on their filesystem to link them instead.`;
  }
  if (stats.copyReason === "EPERM") {
    return `The build context ${dir} holds copies of the bento's and models' files, not hard links: the system refused to link files of another user (fs.protected_hardlinks). Build as the owner of the model store and bento, or give them to your user, to link them instead.`;
  }
  return undefined;
}

function stagingError(error: unknown, dir: string): BentoError {
  if (error instanceof BentoError) return error;
  const hint =
    "Set BENTO_CONTAINER_CACHE_DIR to a writable directory with room for the bento's files (ideally on the same filesystem as the model store, so files are linked, not copied).";
  if (isNoSpace(error)) {
    return new BentoError(
      `Could not stage the build context in ${dir}: the cache directory's filesystem is full (${(error as NodeJS.ErrnoException).code}).`,
      { hint: `Free space there. ${hint}`, cause: error },
    );
  }
  return new BentoError(
    `Could not stage the build context in ${dir}: ${(error as Error).message}.`,
    { hint, cause: error },
  );
}
