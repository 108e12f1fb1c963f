import { runInImage } from "@bento/test-support";
import type { TreeEntry } from "./byte-tree.js";

/** An entry as {@link imageTree} and {@link comparable} list it: no inode. */
export type ImageEntry = Omit<TreeEntry, "inode">;

/**
 * Every entry under `dir` in a container of `image` by its relative path (names as bytes, shown
 * as latin1 like `byteTree`): type, a file's size, a symlink's text. `find` prints raw names
 * and `od` passes them as hex, so no byte is decoded on the way.
 */
export async function imageTree(
  engine: "docker" | "podman",
  image: string,
  dir: string,
): Promise<Map<string, ImageEntry>> {
  const script = 'cd "$1" && find . -mindepth 1 -printf "%y%s/%P\\0%l\\0" | od -An -v -tx1';
  const { stdout } = await runInImage(engine, image, ["sh", "-c", script, "sh", dir]);
  const bytes = Buffer.from(stdout.replace(/\s+/g, ""), "hex");
  const fields: Buffer[] = [];
  for (let start = 0; start < bytes.length; ) {
    const end = bytes.indexOf(0, start);
    fields.push(bytes.subarray(start, end));
    start = end + 1;
  }
  const out = new Map<string, ImageEntry>();
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const head = fields[i]!;
    const slash = head.indexOf("/");
    const type = String.fromCharCode(head[0]!);
    const rel = head.subarray(slash + 1).toString("latin1");
    if (type === "d") out.set(rel, { type: "dir" });
    else if (type === "f")
      out.set(rel, { type: "file", size: Number(head.subarray(1, slash).toString()) });
    else if (type === "l") out.set(rel, { type: "symlink", link: fields[i + 1]!.toString("hex") });
    else out.set(rel, { type: "other" });
  }
  return out;
}

/** `byteTree`'s entries without the inode, to compare with {@link imageTree}. Pure. */
export function comparable(tree: ReadonlyMap<string, TreeEntry>): Map<string, ImageEntry> {
  return new Map([...tree].map(([rel, { inode: _inode, ...entry }]) => [rel, entry]));
}
