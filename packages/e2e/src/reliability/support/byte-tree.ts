import { lstatSync, readdirSync, readlinkSync } from "node:fs";

/** One entry of a tree, as {@link byteTree} lists it. */
export interface TreeEntry {
  type: "dir" | "file" | "symlink" | "other";
  /** Files: `dev:ino`, to tell a hard link from a copy. */
  inode?: string;
  /** Files: size in bytes. */
  size?: number;
  /** Symlinks: the link text, hex-encoded (it may hold any bytes). */
  link?: string;
}

/**
 * Every entry under `dir` by its relative path, names read as bytes (shown as
 * latin1, one character per byte, so nothing is lost), symlinks never followed.
 */
export function byteTree(dir: string): Map<string, TreeEntry> {
  const out = new Map<string, TreeEntry>();
  const walk = (path: Buffer, prefix: string) => {
    for (const name of readdirSync(path, { encoding: "buffer" })) {
      const full = Buffer.concat([path, Buffer.from("/"), name]);
      const rel = `${prefix}${name.toString("latin1")}`;
      const info = lstatSync(full);
      if (info.isDirectory()) {
        out.set(rel, { type: "dir" });
        walk(full, `${rel}/`);
      } else if (info.isSymbolicLink()) {
        out.set(rel, {
          type: "symlink",
          link: readlinkSync(full, { encoding: "buffer" }).toString("hex"),
        });
      } else if (info.isFile()) {
        out.set(rel, { type: "file", inode: `${info.dev}:${info.ino}`, size: info.size });
      } else {
        out.set(rel, { type: "other" });
      }
    }
  };
  walk(Buffer.from(dir), "");
  return out;
}

/**
 * Why `staged` is not exactly `sources` (each a tree and its place inside the
 * staged one) with every file a hard link of its source; `undefined` when it is.
 * `copies` allows copies (same size, another inode) instead of links.
 */
export function stagedMismatch(
  staged: Map<string, TreeEntry>,
  sources: readonly { tree: Map<string, TreeEntry>; at: string }[],
  copies = false,
): string | undefined {
  const want = new Map<string, TreeEntry>();
  for (const { tree, at } of sources) {
    const parts = at.split("/").filter(Boolean);
    for (let i = 1; i <= parts.length; i++) want.set(parts.slice(0, i).join("/"), { type: "dir" });
    for (const [rel, entry] of tree) want.set(at ? `${at}/${rel}` : rel, entry);
  }
  for (const [rel, entry] of want) {
    const got = staged.get(rel);
    if (!got) return `missing ${JSON.stringify(rel)}`;
    if (got.type !== entry.type)
      return `${JSON.stringify(rel)} is a ${got.type}, not a ${entry.type}`;
    if (entry.link !== undefined && got.link !== entry.link)
      return `${JSON.stringify(rel)} links elsewhere`;
    if (entry.type === "file" && !copies && got.inode !== entry.inode)
      return `${JSON.stringify(rel)} is not a hard link of its source`;
    if (entry.type === "file" && got.size !== entry.size)
      return `${JSON.stringify(rel)} has another size`;
  }
  for (const rel of staged.keys()) if (!want.has(rel)) return `stray ${JSON.stringify(rel)}`;
  return undefined;
}
