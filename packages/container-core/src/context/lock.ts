import { closeSync, openSync, rmSync, writeSync } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import { setTimeout as sleep } from "node:timers/promises";
import { BentoError } from "../errors.js";

/** Holds `path` as a lock file until `release` is called. */
export interface FileLock {
  release(): Promise<void>;
}

/**
 * Takes an exclusive lock file holding this process's pid. A lock left by a
 * process that no longer exists is taken over; a live one is waited for.
 */
export async function acquireLock(path: string, timeoutMs = 600_000): Promise<FileLock> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // Taking a free lock is three tiny synchronous calls, not three thread-pool round trips.
    try {
      const fd = openSync(path, "wx", 0o600);
      try {
        writeSync(fd, String(process.pid));
      } finally {
        closeSync(fd);
      }
      return { release: async () => rmSync(path, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    if (await holderIsGone(path)) {
      await rm(path, { force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw new BentoError(`Timed out waiting for the lock ${path}.`, {
        hint: "Another bento build of the same bento is staging its context; wait for it, or remove the lock file if no build is running.",
      });
    }
    await sleep(50);
  }
}

async function holderIsGone(path: string): Promise<boolean> {
  const pid = Number(await readFile(path, "utf8").catch(() => ""));
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}
