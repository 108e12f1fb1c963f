import {
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readlinkSync,
  rmSync,
  type Stats,
  symlinkSync,
  unlinkSync,
} from "node:fs";
import { copyFile, utimes } from "node:fs/promises";
import { join } from "node:path";

/** How many files a mirror linked, copied (across devices) or found in place. */
export interface MirrorStats {
  linked: number;
  copied: number;
  reused: number;
}

/** A source tree and where it goes inside the target. */
export interface MirrorSource {
  from: string;
  /** Relative path inside the target; `""` for the target's root. */
  to: string;
}

/**
 * Makes `target` hold exactly the files of `sources`, as hard links (copies
 * only across devices). Entries already linked to the same inode are kept, so
 * a re-run after a one-file edit touches one file. Sources are only read.
 *
 * Metadata calls are synchronous on purpose: mirroring is a run of tiny calls,
 * each far cheaper inline than a trip through libuv's thread pool. A copy
 * across devices, the one call that moves file data, stays asynchronous so an
 * interrupt is still handled during it.
 */
export async function mirrorTree(
  sources: readonly MirrorSource[],
  target: string,
): Promise<MirrorStats> {
  const stats: MirrorStats = { linked: 0, copied: 0, reused: 0 };
  const wanted = new Set<string>();
  mkdirSync(target, { recursive: true });
  for (const source of sources) {
    await mirrorDir(source.from, join(target, source.to), source.to, wanted, stats);
  }
  prune(target, "", wanted);
  return stats;
}

async function mirrorDir(
  from: string,
  to: string,
  relative: string,
  wanted: Set<string>,
  stats: MirrorStats,
): Promise<void> {
  if (relative) addParents(relative, wanted);
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const dest = join(to, entry.name);
    const rel = relative ? `${relative}/${entry.name}` : entry.name;
    wanted.add(rel);
    if (entry.isDirectory()) {
      await mirrorDir(source, dest, rel, wanted, stats);
    } else if (entry.isSymbolicLink()) {
      mirrorSymlink(source, dest, stats);
    } else if (entry.isFile()) {
      await mirrorFile(source, dest, stats);
    }
  }
}

function addParents(relative: string, wanted: Set<string>): void {
  const parts = relative.split("/");
  for (let i = 1; i <= parts.length; i++) wanted.add(parts.slice(0, i).join("/"));
}

async function mirrorFile(source: string, dest: string, stats: MirrorStats): Promise<void> {
  const from = lstatSync(source);
  const to = lstatSync(dest, { throwIfNoEntry: false });
  if (to && sameFile(from, to)) {
    stats.reused++;
    return;
  }
  if (to) rmSync(dest, { recursive: true, force: true });
  try {
    linkSync(source, dest);
    stats.linked++;
  } catch (error) {
    if (!["EXDEV", "EPERM", "EMLINK"].includes((error as NodeJS.ErrnoException).code ?? ""))
      throw error;
    await copyFile(source, dest);
    await utimes(dest, from.atime, from.mtime);
    stats.copied++;
  }
}

/** Same inode, or (for copies across devices) same size and modification time. */
function sameFile(from: Stats, to: Stats): boolean {
  if (!to.isFile()) return false;
  if (from.dev === to.dev) return from.ino === to.ino;
  return (
    from.size === to.size &&
    Math.trunc(from.mtimeMs) === Math.trunc(to.mtimeMs) &&
    from.mode === to.mode
  );
}

function mirrorSymlink(source: string, dest: string, stats: MirrorStats): void {
  const target = readlinkSync(source);
  const existing = readlinkOrUndefined(dest);
  if (existing === target) {
    stats.reused++;
    return;
  }
  rmSync(dest, { recursive: true, force: true });
  symlinkSync(target, dest);
  stats.linked++;
}

function readlinkOrUndefined(path: string): string | undefined {
  try {
    return readlinkSync(path);
  } catch {
    return undefined;
  }
}

/** Removes what the sources no longer have. */
function prune(dir: string, relative: string, wanted: Set<string>): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const rel = relative ? `${relative}/${entry.name}` : entry.name;
    const path = join(dir, entry.name);
    if (!wanted.has(rel)) {
      if (entry.isDirectory()) rmSync(path, { recursive: true, force: true });
      else unlinkSync(path);
    } else if (entry.isDirectory()) {
      prune(path, rel, wanted);
    }
  }
}
