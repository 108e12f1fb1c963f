import { readdir, readFile } from "node:fs/promises";
import { setTimeout as sleep } from "node:timers/promises";

/** Whether a process exists and is not a zombie (Linux `/proc`). */
export async function isAlive(pid: number): Promise<boolean> {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => undefined);
  if (stat === undefined) return false;
  // The state follows the parenthesised command name, which may itself hold spaces.
  const state = stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3);
  return state !== "Z" && state !== "X";
}

/** Polls `check` every 100 ms until it returns a value other than `undefined`, or fails after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline)
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(100);
  }
}

/** A running process and its argv. */
export interface ProcessInfo {
  pid: number;
  argv: string[];
}

/** Live (non-zombie) processes whose argv satisfies `match`, from `/proc`. */
export async function findProcesses(match: (argv: string[]) => boolean): Promise<ProcessInfo[]> {
  const found: ProcessInfo[] = [];
  for (const name of await readdir("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const raw = await readFile(`/proc/${name}/cmdline`, "utf8").catch(() => "");
    const argv = raw.split("\u0000").filter((arg) => arg !== "");
    const pid = Number(name);
    if (argv.length > 0 && match(argv) && (await isAlive(pid))) found.push({ pid, argv });
  }
  return found;
}
