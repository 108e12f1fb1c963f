import { closeSync, openSync, readFileSync, rmSync, statSync, writeSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { BentoError } from "../errors.js";

/** Holds `path` as a lock file until `release` is called. */
export interface FileLock {
  release(): Promise<void>;
}

/**
 * Takes an exclusive lock file holding this process's identity. A lock left by a
 * process that no longer exists is taken over; a live one is waited for, and
 * `holder` (what a live holder is doing) goes into the time-out's hint.
 */
export async function acquireLock(
  path: string,
  holder: string,
  timeoutMs = 600_000,
): Promise<FileLock> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const lock = tryLock(path);
    if (lock) return lock;
    if (Date.now() > deadline) {
      throw new BentoError(`Timed out waiting for the lock ${path}.`, {
        hint: `${holder}; wait for it, or remove the lock file if no build is running.`,
      });
    }
    await sleep(50);
  }
}

/**
 * Takes the lock when it is free or its holder is gone; `undefined` while a live
 * process holds it. Synchronous: a free lock is three tiny calls, far cheaper
 * inline than three thread-pool round trips.
 */
export function tryLock(path: string): FileLock | undefined {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, "wx", 0o600);
      try {
        writeSync(fd, ownIdentity());
      } finally {
        closeSync(fd);
      }
      return { release: async () => rmSync(path, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    if (!takeOverStale(path)) return undefined;
  }
  return undefined;
}

/**
 * Removes `path` when its holder is gone. Two runs may find the same stale lock: a
 * guard file taken with O_EXCL lets only one remove it, so the other cannot remove
 * the fresh lock the first one takes next. A guard older than ten seconds was left
 * by a run killed in these few calls and is removed.
 */
function takeOverStale(path: string): boolean {
  const seen = readText(path);
  if (seen === undefined) return true;
  if (!holderIsGone(seen, path)) return false;
  const guard = `${path}.takeover`;
  try {
    closeSync(openSync(guard, "wx", 0o600));
  } catch {
    if (olderThan(guard, 10_000)) rmSync(guard, { force: true });
    return false;
  }
  try {
    if (readText(path) === seen) rmSync(path, { force: true });
  } finally {
    rmSync(guard, { force: true });
  }
  return true;
}

function olderThan(path: string, ms: number): boolean {
  const modified = statSync(path, { throwIfNoEntry: false })?.mtimeMs;
  return modified !== undefined && Date.now() - modified > ms;
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

/** `pid start-time`: the start time tells a reused pid from the holder. */
function ownIdentity(): string {
  const started = startTime(process.pid);
  return started === undefined ? String(process.pid) : `${process.pid} ${started}`;
}

/**
 * Whether the process that wrote `text` is gone: no such pid, or (on Linux) a
 * pid now held by a process started at another time. A lock whose text is not
 * a pid is being written, unless it is older than ten seconds (its writer was
 * killed between creating and writing it).
 */
function holderIsGone(text: string, path: string): boolean {
  const [pidText, started] = text.trim().split(" ");
  const pid = Number(pidText);
  if (!Number.isInteger(pid) || pid <= 0) return olderThan(path, 10_000);
  if (processIsGone(pid)) return true;
  return started !== undefined && startTime(pid) !== undefined && startTime(pid) !== started;
}

/** Whether no process has `pid` (one of another user still counts as alive). */
export function processIsGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}

/** Field 22 of `/proc/PID/stat` (start time in clock ticks since boot); `undefined` off Linux. */
function startTime(pid: number): string | undefined {
  const stat = readText(`/proc/${pid}/stat`);
  if (stat === undefined) return undefined;
  // The command name (field 2) may hold spaces and parentheses: count from the last ")".
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
}
