import { randomBytes } from "node:crypto";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Where bento-container stages contexts and unpacks archives:
 * `BENTO_CONTAINER_CACHE_DIR`, else `$XDG_CACHE_HOME/bento-container`, else
 * `~/.cache/bento-container`. Not `/tmp`: it is often a small tmpfs.
 */
export function cacheDir(env: Env = process.env): string {
  if (env.BENTO_CONTAINER_CACHE_DIR) return resolve(env.BENTO_CONTAINER_CACHE_DIR);
  const base = env.XDG_CACHE_HOME ? resolve(env.XDG_CACHE_HOME) : join(homedir(), ".cache");
  return join(base, "bento-container");
}

/**
 * Writes `text` to `path` inside the cache, making its folder (0700) when
 * missing: to a temporary file beside it, then renamed, so a concurrent build
 * never reads half a file. A failed write rejects and leaves no temporary file.
 */
export async function writeCacheFile(path: string, text: string, mode = 0o600): Promise<void> {
  const temporary = `${path}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    await writeFile(temporary, text, { mode });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => {});
    throw error;
  }
}
