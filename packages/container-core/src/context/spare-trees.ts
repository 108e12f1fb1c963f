import { statSync, utimesSync } from "node:fs";
import { join } from "node:path";
import { namesIn } from "./list-dir.js";
import { tryLock } from "./lock.js";
import { removeTree } from "./mirror.js";
import { TRANSIENT_NAMES } from "./transient-names.js";

/** How long a spare tree may sit unused before a build removes it. */
export const SPARE_IDLE_MS = 60 * 60 * 1000;

/** `KEY~N`, or its lock ({@link treeLock}): a tree made while another build of the same bento held `KEY`. */
const SPARE = /^(.+~\d+)(?:\.lock)?$/;

/** The lock file of the tree `dir`: held by the build using it. */
export function treeLock(dir: string): string {
  return `${dir}${TRANSIENT_NAMES.lock}`;
}

/** The name of tree `n` of `key` (`KEY`, then `KEY~2`, ...). */
export function treeName(key: string, n: number): string {
  return n === 1 ? key : `${key}~${n}`;
}

/** Marks `dir` as just used, so {@link sweepSpareTrees} keeps it for a while. */
export function markUsed(dir: string): void {
  const now = new Date();
  try {
    utimesSync(dir, now, now);
  } catch {
    // Not made yet (the mirror makes it) or already gone: nothing to mark.
  }
}

/**
 * Removes the spare trees in `parent` (of any bento) that no live build holds
 * and none has used for {@link SPARE_IDLE_MS}: they exist only while builds of
 * one bento overlap. Each is removed under its own lock, so a build never reads
 * a tree being removed (it takes the next free one meanwhile). The first tree of
 * each bento stays: it is the one every rebuild reuses.
 */
export function sweepSpareTrees(parent: string, now = Date.now()): void {
  const spares = new Set(
    namesIn(parent)
      .map((name) => SPARE.exec(name)?.[1])
      .filter((name) => name !== undefined),
  );
  for (const name of spares) {
    const dir = join(parent, name);
    const used = statSync(dir, { throwIfNoEntry: false })?.mtimeMs;
    if (used !== undefined && now - used < SPARE_IDLE_MS) continue;
    const lock = tryLock(treeLock(dir));
    if (!lock) continue;
    try {
      removeTree(dir);
    } catch {
      // Best effort: a tree that cannot be removed now is tried again next time.
    } finally {
      void lock.release();
    }
  }
}
