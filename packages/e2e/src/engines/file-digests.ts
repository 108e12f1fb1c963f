import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";

/** sha256 of a file's bytes, hex. */
export async function sha256File(path: string): Promise<string> {
  return createHash("sha256")
    .update(await readFile(path))
    .digest("hex");
}

/** sha256 of every regular file under `dir`, keyed by `prefix` + its path relative to `dir`. */
export async function fileDigests(dir: string, prefix = ""): Promise<Record<string, string>> {
  const digests: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    digests[`${prefix}${relative(dir, path)}`] = await sha256File(path);
  }
  return digests;
}
