import { createHash } from "node:crypto";
import { lstatSync, readdirSync, readFileSync, readlinkSync, type Stats } from "node:fs";

const SLASH = Buffer.from("/");

/** Which files of a tree {@link treeIdentity} reads. */
export interface TreeIdentityOptions {
  /** Top-level names to include (default: all). */
  only?: readonly string[];
  /** Top-level names to leave out. */
  skip?: readonly string[];
  /**
   * Regular files up to this many bytes are identified by their content, so a
   * copy with the same bytes (a new bento version's requirements) keeps the
   * identity; larger ones (models) only by their metadata. Default 0: never read
   * (an empty file's content is known without reading).
   */
  contentUpTo?: number;
}

/**
 * A digest of a directory tree's identity without reading large files: for
 * each entry its relative path, kind and mode, and for a file its size,
 * modification time (ms, to a fraction of a microsecond) and inode (device
 * included), or its content when it
 * is small enough; a symlink by its target. Hard links share an inode, so a
 * staged tree of links has the identity of its sources. Change time is left
 * out on purpose: making a hard link changes it. Staging computes the same
 * digest of the tree it makes as it walks it (see `mirrorTree`).
 */
export async function treeIdentity(
  dir: string,
  options: TreeIdentityOptions = {},
): Promise<string> {
  const lines: string[] = [];
  const top = readdirSync(dir, { encoding: "buffer" })
    .filter((name) => (options.only ? options.only.includes(name.toString()) : true))
    .filter((name) => !options.skip?.includes(name.toString()));
  // Synchronous calls: tens of thousands of tiny metadata reads cost far less
  // without a thread-pool round trip each. Names stay bytes: a name that is not
  // UTF-8 has no string path to reach it by.
  walk(Buffer.from(dir), top, "", lines, options.contentUpTo ?? 0);
  return identityDigest(lines);
}

/** The digest of a tree's entry lines, in any order. Pure. */
export function identityDigest(lines: readonly string[]): string {
  return createHash("sha256")
    .update([...lines].sort().join("\n"))
    .digest("hex");
}

/** A directory's identity line; `relative` holds the names as latin1 (one character per byte). */
export function directoryLine(relative: string, mode: number): string {
  return `d ${(mode & 0o7777).toString(8)} ${JSON.stringify(relative)}`;
}

/** A symlink's identity line. */
export function symlinkLine(relative: string, target: Buffer): string {
  return `l ${JSON.stringify(relative)} ${JSON.stringify(target.toString("latin1"))}`;
}

/**
 * A regular file's identity line from its metadata, or from its
 * content when it holds at most `contentUpTo` bytes (`read` gives the bytes).
 */
export function fileLine(
  relative: string,
  info: Stats,
  contentUpTo: number,
  read: () => Buffer,
): string {
  const mode = (info.mode & 0o7777).toString(8);
  if (info.size <= contentUpTo) {
    const digest = createHash("sha256").update(read()).digest("hex");
    return `c ${mode} ${JSON.stringify(relative)} ${digest}`;
  }
  // Number metadata: far cheaper to read than bigint, and mtimeMs keeps sub-microsecond digits.
  const identity = `${info.size} ${info.mtimeMs} ${info.dev}:${info.ino}`;
  return `f ${mode} ${JSON.stringify(relative)} ${identity}`;
}

function walk(
  dir: Buffer,
  names: readonly Buffer[],
  prefix: string,
  lines: string[],
  contentUpTo: number,
): void {
  for (const name of names) {
    const path = Buffer.concat([dir, SLASH, name]);
    // latin1 maps each byte to one character, so distinct names stay distinct.
    const relative = prefix ? `${prefix}/${name.toString("latin1")}` : name.toString("latin1");
    const info = lstatSync(path);
    if (info.isDirectory()) {
      lines.push(directoryLine(relative, info.mode));
      walk(path, readdirSync(path, { encoding: "buffer" }), relative, lines, contentUpTo);
    } else if (info.isSymbolicLink()) {
      lines.push(symlinkLine(relative, readlinkSync(path, { encoding: "buffer" })));
    } else if (info.isFile()) {
      lines.push(fileLine(relative, info, contentUpTo, () => readFileSync(path)));
    } else {
      lines.push(fileLine(relative, info, -1, () => Buffer.alloc(0)));
    }
  }
}
