import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import type { CliRun } from "../support/cli.js";

/** Where staging of a bento of 10,000 files is cut: folders of its 100 under `src/` already in the tree. */
export const STAGING_POINTS: readonly [string, number][] = [
  ["as soon as it holds the tree's lock", 0],
  ["a third of the way", 33],
  ["nearly done", 90],
];

function lockWritten(tree: string): boolean {
  return (statSync(`${tree}.lock`, { throwIfNoEntry: false })?.size ?? 0) > 0;
}

function staged(tree: string): number {
  try {
    return readdirSync(join(tree, "src")).length;
  } catch {
    return 0;
  }
}

/**
 * SIGKILLs `run` once it holds `tree`'s lock (written) and `folders` folders of `src/` are in the tree;
 * resolves when it is gone, with the lock left behind.
 */
export async function killMidStaging(run: CliRun, tree: string, folders: number): Promise<void> {
  // Tight polling: staging 10,000 links takes about a second. The lock must hold its pid: one
  // killed between creating and writing it is empty, taken over only after ten seconds (the
  // damaged-tree test covers that).
  while (!(lockWritten(tree) && staged(tree) >= folders)) {
    if (run.child.exitCode !== null) throw new Error(`the run ended first: ${run.output()}`);
    await sleep(2);
  }
  run.child.kill("SIGKILL");
  const { signal } = await run.result;
  if (signal !== "SIGKILL") throw new Error(`the run ended by ${signal}: ${run.output()}`);
}
