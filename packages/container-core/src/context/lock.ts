import {
  appendFileSync,
  closeSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeSync,
} from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { BentoError } from "../errors.js";
import { namesIn } from "./list-dir.js";
import { TRANSIENT_NAMES } from "./transient-names.js";

/** Holds `path` as a lock file until `release` is called. */
export interface FileLock {
  release(): Promise<void>;
}

/**
 * Takes an exclusive lock file holding this process's identity. A lock left by a
 * process that no longer exists is taken over (the engines it left running stopped); a live one is waited for, and
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
    if (await stopOrphanedEngines(path)) continue;
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
      held.add(path);
      return {
        release: async () => {
          held.delete(path);
          rmSync(path, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    if (!takeOverStale(path)) return undefined;
  }
  return undefined;
}

/** The lock files this process holds now. */
const held = new Set<string>();

/**
 * Notes in every lock this process holds that it started the engine process
 * group `pid`: if this process is killed outright, the group lives on, reading
 * the locked tree; the lock then stays held until that group is gone too (see
 * {@link stopOrphanedEngines}).
 */
export function noteEngine(pid: number): void {
  const line = `\nengine ${pid} ${startTime(pid) ?? ""}`;
  for (const path of held) {
    try {
      appendFileSync(path, line);
    } catch {
      // Removed meanwhile (a lock released by another build of this process).
    }
  }
}

/**
 * When the holder of the lock `path` is gone but engine process groups it
 * started still run (it was killed outright, so it could not stop them), stops
 * them and waits until they are gone, so the lock can be taken over: they would
 * go on reading a tree the next build relinks, and tag their image after it.
 * Whether it stopped any.
 */
export async function stopOrphanedEngines(path: string, graceMs = 5_000): Promise<boolean> {
  const text = readText(path);
  if (text === undefined || !processGone(holderOf(text))) return false;
  const orphans = enginesOf(text).filter((engine) => !processGone(engine));
  // SIGTERM first, as an interrupted build stops its engine: it removes its temporary files.
  for (const [signal, waitMs] of [
    ["SIGTERM", graceMs],
    ["SIGKILL", 10_000],
  ] as const) {
    const alive = orphans.filter((engine) => !processGone(engine));
    for (const { pid } of alive) signalGroup(pid, signal);
    const deadline = Date.now() + waitMs;
    while (alive.some((engine) => !processGone(engine)) && Date.now() < deadline) await sleep(50);
  }
  return orphans.length > 0;
}

/**
 * Removes the locks in `dir` whose holders are gone (with the engines they
 * started): left by builds killed outright, of keys no build may ask for again.
 */
export function sweepStaleLocks(dir: string): void {
  for (const name of namesIn(dir)) {
    if (name.endsWith(TRANSIENT_NAMES.lock)) void tryLock(join(dir, name))?.release();
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group ended meanwhile.
  }
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
  const guard = `${path}${TRANSIENT_NAMES.lockGuard}`;
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

/** A process named in a lock file: its pid and, on Linux, its start time. */
interface LockProcess {
  pid: number;
  started?: string;
}

function holderOf(text: string): LockProcess {
  const [pid, started] = (text.split("\n")[0] ?? "").trim().split(" ");
  return { pid: Number(pid), started: started || undefined };
}

function enginesOf(text: string): LockProcess[] {
  return text
    .split("\n")
    .slice(1)
    .map((line) => line.trim().split(" "))
    .filter(([word]) => word === "engine")
    .map(([, pid, started]) => ({ pid: Number(pid), started: started || undefined }));
}

/**
 * Whether the process that wrote `text` is gone, and every engine group it
 * noted too. A lock whose text is not a pid is being written, unless it is
 * older than ten seconds (its writer was killed between creating and writing it).
 */
function holderIsGone(text: string, path: string): boolean {
  const holder = holderOf(text);
  if (!Number.isInteger(holder.pid) || holder.pid <= 0) return olderThan(path, 10_000);
  return processGone(holder) && enginesOf(text).every(processGone);
}

/**
 * Whether `process` is gone: no such pid, a zombie (killed, not yet reaped), or
 * (on Linux) a pid now held by a process started at another time.
 */
function processGone({ pid, started }: LockProcess): boolean {
  if (!Number.isInteger(pid) || pid <= 0 || processIsGone(pid)) return true;
  const stat = procStat(pid);
  if (stat === undefined) return false;
  return stat.state === "Z" || (started !== undefined && stat.started !== started);
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
  return procStat(pid)?.started;
}

/** The state (field 3) and start time (field 22) of `/proc/PID/stat`; `undefined` off Linux. */
function procStat(pid: number): { state: string; started: string } | undefined {
  const stat = readText(`/proc/${pid}/stat`);
  if (stat === undefined) return undefined;
  // The command name (field 2) may hold spaces and parentheses: count from the last ")".
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return { state: fields[0]!, started: fields[19]! };
}
