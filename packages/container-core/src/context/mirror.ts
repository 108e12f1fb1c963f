import {
  chmodSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  type Stats,
  symlinkSync,
  unlinkSync,
} from "node:fs";
import { copyFile, utimes } from "node:fs/promises";
import { directoryLine, fileLine, identityDigest, symlinkLine } from "../reuse/tree-identity.js";

/** How many files a mirror linked, copied or found in place, and why it copied. */
export interface MirrorStats {
  linked: number;
  copied: number;
  reused: number;
  /**
   * Set when the tree holds copies rather than links: `EXDEV` (the target is on
   * another filesystem) or `EPERM` (the system refused the link, e.g.
   * `fs.protected_hardlinks` on files of another user).
   */
  copyReason?: "EXDEV" | "EPERM";
  /**
   * The target's `treeIdentity` (metadata only), taken from the same walk:
   * what the unchanged-build check keys on, without walking the tree again.
   */
  identity: string;
}

/** A source tree and where it goes inside the target. */
export interface MirrorSource {
  from: string;
  /** Relative path inside the target; `""` for the target's root. */
  to: string;
}

/** Why a link failed but a copy may work. */
const COPY_INSTEAD = new Set(["EXDEV", "EPERM", "EMLINK"]);
const SLASH = Buffer.from("/");

/**
 * Makes `target` (a private 0700 directory) hold exactly the files of `sources`,
 * as hard links (copies where a link is impossible or refused). Entries already
 * right are kept, so a re-run after a one-file edit touches one file; anything
 * else in the target (stray files, a file where a directory belongs or the other
 * way round, a symlink where a directory belongs) is replaced, never followed.
 * Symlinks are mirrored as links. Names are handled as bytes, so any name the
 * filesystem allows survives. Sources are only read.
 *
 * Metadata calls are synchronous on purpose: mirroring is a run of tiny calls,
 * each far cheaper inline than a trip through libuv's thread pool. A copy, the
 * one call that moves file data, stays asynchronous so an interrupt is still
 * handled during it.
 */
export async function mirrorTree(
  sources: readonly MirrorSource[],
  target: string,
): Promise<MirrorStats> {
  const stats: Omit<MirrorStats, "identity"> = { linked: 0, copied: 0, reused: 0 };
  // Each entry's identity line by path: a later source's entry replaces an earlier one's.
  const lines = new Map<string, string>();
  const walk = { wanted: new Set<string>(), lines, stats };
  const root: Buffer = Buffer.from(target);
  ensureDir(root, 0o700);
  for (const source of sources) {
    let to: Buffer = root;
    let relative = "";
    for (const part of source.to.split("/").filter(Boolean)) {
      to = child(to, Buffer.from(part));
      relative = key(relative, Buffer.from(part));
      walk.wanted.add(relative);
      // Folders the sources do not have (`models/NAME`): readable by all, whatever the umask.
      ensureDir(to, 0o755);
      lines.set(relative, directoryLine(relative, 0o755));
    }
    await mirrorDir(Buffer.from(source.from), to, relative, walk);
  }
  prune(root, "", walk.wanted);
  return { ...stats, identity: identityDigest([...lines.values()]) };
}

/** What one mirror walk gathers: the paths the target keeps, identity lines and counts. */
interface Walk {
  wanted: Set<string>;
  lines: Map<string, string>;
  stats: Omit<MirrorStats, "identity">;
}

/**
 * Removes a tree even where its directories lost their permissions (a tree the
 * user or a crash left unreadable). Missing is fine.
 */
export function removeTree(path: string | Buffer): void {
  try {
    rmSync(path, { recursive: true, force: true });
  } catch {
    restorePermissions(Buffer.isBuffer(path) ? path : Buffer.from(path));
    rmSync(path, { recursive: true, force: true });
  }
}

function restorePermissions(dir: Buffer): void {
  const info = lstatSync(dir, { throwIfNoEntry: false });
  if (!info?.isDirectory()) return;
  chmodSync(dir, 0o700);
  for (const entry of readdirSync(dir, { withFileTypes: true, encoding: "buffer" })) {
    if (entry.isDirectory()) restorePermissions(child(dir, entry.name));
  }
}

function child(dir: Buffer, name: Buffer): Buffer<ArrayBuffer> {
  return Buffer.concat([dir, SLASH, name]);
}

/** A relative path as a set key: latin1 maps each byte to one character, so no name is lost. */
function key(relative: string, name: Buffer): string {
  const part = name.toString("latin1");
  return relative ? `${relative}/${part}` : part;
}

async function mirrorDir(from: Buffer, to: Buffer, relative: string, walk: Walk): Promise<void> {
  const { wanted, lines, stats } = walk;
  for (const entry of readdirSync(from, { withFileTypes: true, encoding: "buffer" })) {
    const source = child(from, entry.name);
    const dest = child(to, entry.name);
    const rel = key(relative, entry.name);
    if (entry.isDirectory()) {
      wanted.add(rel);
      // The source's mode, but always usable by the owner (a read-only bento stays stageable).
      const mode = (lstatSync(source).mode & 0o7777) | 0o700;
      ensureDir(dest, mode);
      lines.set(rel, directoryLine(rel, mode));
      await mirrorDir(source, dest, rel, walk);
    } else if (entry.isSymbolicLink()) {
      wanted.add(rel);
      lines.set(rel, symlinkLine(rel, mirrorSymlink(source, dest, stats)));
    } else if (entry.isFile()) {
      wanted.add(rel);
      const info = await mirrorFile(source, dest, stats);
      // Only an empty file is identified by its content, which needs no read.
      lines.set(
        rel,
        fileLine(rel, info, 0, () => readFileSync(dest)),
      );
    }
  }
}

/** Makes `path` a real directory (not a file, not a symlink to one) with `mode` when given. */
function ensureDir(path: Buffer, mode?: number): void {
  const info = lstatSync(path, { throwIfNoEntry: false });
  if (info?.isDirectory()) {
    if (mode !== undefined && (info.mode & 0o7777) !== mode) chmodSync(path, mode);
    return;
  }
  if (info) unlinkSync(path);
  mkdirSync(path);
  // mkdir's mode is narrowed by the umask; chmod sets it exactly.
  if (mode !== undefined) chmodSync(path, mode);
}

function removeEntry(path: Buffer, info: Stats): void {
  if (info.isDirectory()) removeTree(path);
  else unlinkSync(path);
}

/** Links (or copies) one file into place; returns the metadata of the file now at `dest`. */
async function mirrorFile(source: Buffer, dest: Buffer, stats: Walk["stats"]): Promise<Stats> {
  const from = lstatSync(source);
  const to = lstatSync(dest, { throwIfNoEntry: false });
  if (to && sameFile(from, to)) {
    stats.reused++;
    if (to.ino !== from.ino || to.dev !== from.dev)
      stats.copyReason ??= to.dev === from.dev ? "EPERM" : "EXDEV";
    return to;
  }
  if (to) removeEntry(dest, to);
  try {
    linkSync(source, dest);
    stats.linked++;
    // A hard link is the source's inode: its size, time and mode.
    return from;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "";
    if (!COPY_INSTEAD.has(code)) throw error;
    stats.copyReason ??= code === "EXDEV" ? "EXDEV" : "EPERM";
  }
  try {
    await copyFile(source, dest);
    await utimes(dest, from.atime, from.mtime);
  } catch (error) {
    // A half-written copy must not pass for the file next time.
    rmSync(dest, { force: true });
    throw error;
  }
  stats.copied++;
  return lstatSync(dest);
}

/**
 * The same inode, or a copy made by an earlier run: a file of its own (one link)
 * with the source's size, modification time and mode.
 */
function sameFile(from: Stats, to: Stats): boolean {
  if (!to.isFile()) return false;
  if (from.dev === to.dev && from.ino === to.ino) return true;
  return (
    to.nlink === 1 &&
    from.size === to.size &&
    Math.trunc(from.mtimeMs) === Math.trunc(to.mtimeMs) &&
    from.mode === to.mode
  );
}

/** Mirrors one symlink; returns its target. */
function mirrorSymlink(source: Buffer, dest: Buffer, stats: Walk["stats"]): Buffer {
  const target = readlinkSync(source, { encoding: "buffer" });
  const existing = lstatSync(dest, { throwIfNoEntry: false });
  if (existing?.isSymbolicLink() && readlinkSync(dest, { encoding: "buffer" }).equals(target)) {
    stats.reused++;
    return target;
  }
  if (existing) removeEntry(dest, existing);
  symlinkSync(target, dest);
  stats.linked++;
  return target;
}

/** Removes what the sources no longer have. */
function prune(dir: Buffer, relative: string, wanted: Set<string>): void {
  for (const entry of readdirSync(dir, { withFileTypes: true, encoding: "buffer" })) {
    const rel = key(relative, entry.name);
    const path = child(dir, entry.name);
    if (!wanted.has(rel)) {
      if (entry.isDirectory()) removeTree(path);
      else unlinkSync(path);
    } else if (entry.isDirectory()) {
      prune(path, rel, wanted);
    }
  }
}
