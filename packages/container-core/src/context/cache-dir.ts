import { homedir } from "node:os";
import { join, resolve } from "node:path";

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
