import { createHash } from "node:crypto";
import { lstatSync, readdirSync, readFileSync, readlinkSync } from "node:fs";

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
   * identity; larger ones (models) only by their metadata. Default 0: never read.
   */
  contentUpTo?: number;
}

/**
 * A digest of a directory tree's identity without reading large files: for
 * each entry its relative path, kind and mode, and for a file its size,
 * modification time (ns) and inode (device included), or its content when it
 * is small enough; a symlink by its target. Hard links share an inode, so a
 * staged tree of links has the identity of its sources. Change time is left
 * out on purpose: making a hard link changes it.
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
  lines.sort();
  return createHash("sha256").update(lines.join("\n")).digest("hex");
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
    const info = lstatSync(path, { bigint: true });
    const mode = (info.mode & 0o7777n).toString(8);
    if (info.isDirectory()) {
      lines.push(`d ${mode} ${JSON.stringify(relative)}`);
      walk(path, readdirSync(path, { encoding: "buffer" }), relative, lines, contentUpTo);
    } else if (info.isSymbolicLink()) {
      const target = readlinkSync(path, { encoding: "buffer" }).toString("latin1");
      lines.push(`l ${JSON.stringify(relative)} ${JSON.stringify(target)}`);
    } else if (info.isFile() && info.size <= BigInt(contentUpTo)) {
      const digest = createHash("sha256").update(readFileSync(path)).digest("hex");
      lines.push(`c ${mode} ${JSON.stringify(relative)} ${digest}`);
    } else {
      const identity = `${info.size} ${info.mtimeNs} ${info.dev}:${info.ino}`;
      lines.push(`f ${mode} ${JSON.stringify(relative)} ${identity}`);
    }
  }
}
