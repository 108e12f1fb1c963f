import { randomBytes } from "node:crypto";
import { mkdirSync, statSync } from "node:fs";
import { lstat, mkdir, rename, rm, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { BentoError } from "../errors.js";
import { TRANSIENT_NAMES } from "./transient-names.js";

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
 * Makes the cache directory (0700) when missing. One that another user owns or
 * that group or others may write to is refused: whoever can write there can
 * swap files into a build context or a remembered health check.
 */
export function ensurePrivateCacheDir(dir: string): void {
  const why = "Anyone who can write there could swap files into your build contexts.";
  let info: ReturnType<typeof statSync>;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    info = statSync(dir);
  } catch (error) {
    throw new BentoError(
      `Could not make the cache directory ${dir}: ${(error as Error).message}.`,
      {
        hint: "Set BENTO_CONTAINER_CACHE_DIR to a writable directory of your own.",
        cause: error,
      },
    );
  }
  const uid = process.getuid?.();
  if (uid !== undefined && info.uid !== uid) {
    throw new BentoError(
      `The cache directory ${dir} belongs to another user (uid ${info.uid}, you are ${uid}).`,
      { hint: `${why} Set BENTO_CONTAINER_CACHE_DIR to a directory of your own.` },
    );
  }
  if ((info.mode & 0o022) !== 0) {
    const mode = (info.mode & 0o777).toString(8).padStart(3, "0");
    throw new BentoError(
      `The cache directory ${dir} is writable by ${info.mode & 0o002 ? "every user" : "its group"} (mode ${mode}).`,
      {
        hint: `${why} Run chmod 700 ${dir}, or set BENTO_CONTAINER_CACHE_DIR to a private directory.`,
      },
    );
  }
}

/** What a file or folder in the way of a cache write makes `rename` or `mkdir` say. */
const IN_THE_WAY = new Set(["EISDIR", "ENOTDIR", "EEXIST", "ENOTEMPTY"]);

/**
 * Writes `text` to `path` inside the cache, making its folder (0700) when
 * missing: to a temporary file beside it, then renamed, so a concurrent build
 * never reads half a file. A directory where the file belongs, or a file where
 * its folder belongs, is removed first. A failed write rejects with a
 * {@link BentoError} naming the file and leaves no temporary file.
 */
export async function writeCacheFile(path: string, text: string, mode = 0o600): Promise<void> {
  try {
    await writeOnce(path, text, mode);
  } catch (error) {
    if (!IN_THE_WAY.has((error as NodeJS.ErrnoException).code ?? ""))
      throw cacheWriteError(path, error);
    try {
      await clearWay(path);
      await writeOnce(path, text, mode);
    } catch (again) {
      throw cacheWriteError(path, again);
    }
  }
}

async function writeOnce(path: string, text: string, mode: number): Promise<void> {
  const temporary = `${path}.${randomBytes(4).toString("hex")}${TRANSIENT_NAMES.temporary}`;
  try {
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    await writeFile(temporary, text, { mode });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => {});
    throw error;
  }
}

/** Removes a directory at `path` and a non-directory at its folder's place. */
async function clearWay(path: string): Promise<void> {
  const folder = dirname(path);
  const info = await lstat(folder).catch(() => undefined);
  if (info && !info.isDirectory()) await rm(folder, { force: true });
  if ((await lstat(path).catch(() => undefined))?.isDirectory())
    await rm(path, { recursive: true, force: true });
}

function cacheWriteError(path: string, error: unknown): BentoError {
  const code = (error as NodeJS.ErrnoException).code;
  const full = code === "ENOSPC" || code === "EDQUOT";
  return new BentoError(
    full
      ? `Could not write ${path}: the cache directory's filesystem is full (${code}).`
      : `Could not write ${path}: ${(error as Error).message}.`,
    {
      hint: `${full ? "Free space there, or s" : "S"}et BENTO_CONTAINER_CACHE_DIR to a writable directory with room to spare.`,
      cause: error,
    },
  );
}
