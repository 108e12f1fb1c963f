import { createHash } from "node:crypto";
import { lstat, readdir, readFile, readlink } from "node:fs/promises";
import { join } from "node:path";

/**
 * A digest of every path, type, mode, link target and file content under `dir`
 * (`"absent"` when it does not exist), to prove a tree was left untouched.
 */
export async function treeChecksum(dir: string): Promise<string> {
  const hash = createHash("sha256");
  const root = await lstat(dir).catch(() => undefined);
  if (root === undefined) return "absent";
  const walk = async (path: string, rel: string): Promise<void> => {
    const entries = await readdir(path, { withFileTypes: true });
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = join(path, entry.name);
      const info = await lstat(full);
      hash.update(`${rel}/${entry.name}\u0000${info.mode}\u0000`);
      if (info.isSymbolicLink()) hash.update(await readlink(full));
      else if (info.isDirectory()) await walk(full, `${rel}/${entry.name}`);
      else hash.update(await readFile(full));
    }
  };
  await walk(dir, "");
  return hash.digest("hex");
}

/** Every path under `dir`, relative, directories with a trailing `/`; empty when `dir` is absent. */
export async function listTree(dir: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (path: string, rel: string): Promise<void> => {
    const entries = await readdir(path, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const name = rel ? `${rel}/${entry.name}` : entry.name;
      found.push(entry.isDirectory() ? `${name}/` : name);
      if (entry.isDirectory()) await walk(join(path, entry.name), name);
    }
  };
  await walk(dir, "");
  return found.sort();
}
