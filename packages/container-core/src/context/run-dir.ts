import { rmSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { join } from "node:path";
import { namesIn } from "./list-dir.js";
import { processIsGone } from "./lock.js";

/**
 * A fresh 0700 directory `PREFIX<pid>-XXXXXX` in `parent`, after removing the
 * ones of processes that are gone: a build killed outright (SIGKILL, a crash)
 * cannot clean up, so the next one does.
 */
export async function makeRunDir(parent: string, prefix: string): Promise<string> {
  sweepDeadRunDirs(parent, prefix);
  return mkdtemp(join(parent, `${prefix}${process.pid}-`));
}

function sweepDeadRunDirs(parent: string, prefix: string): void {
  for (const name of namesIn(parent)) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(/^(\d+)-/.exec(name.slice(prefix.length))?.[1]);
    if (pid > 0 && processIsGone(pid)) rmSync(join(parent, name), { recursive: true, force: true });
  }
}
