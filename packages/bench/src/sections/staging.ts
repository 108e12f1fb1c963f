import { rm } from "node:fs/promises";
import { type BuildEvent, build, hasBackend, registerBackend } from "@bento/container-core";
import { copyBento } from "../bentoml-way.js";
import { timed } from "../clock.js";
import { type Summary, summarize } from "../stats.js";
import type { BenchWorkspace } from "../workspace.js";

/** Staging against a full copy, for a first stage and a re-stage after a one-line edit. */
export interface StagingResult {
  cold: { stage: Summary; copy: Summary };
  warm: { stage: Summary; copy: Summary };
}

declare module "@bento/container-core" {
  interface BackendOptionsMap {
    "bench-dry-run": Record<never, never>;
  }
}

/**
 * A backend that is always healthy and is never run: a dry-run `build()` with it
 * does everything up to the engine (resolve, stage, Containerfile) and nothing else.
 */
const STAGING_BACKEND = "bench-dry-run";

/**
 * Times core's context staging (a dry-run `build()`, `bento` to `context` event)
 * against `fs.cp` of the bento and its models into a new directory.
 */
export async function benchStaging(
  workspace: BenchWorkspace,
  reps: number,
): Promise<StagingResult> {
  const times: Record<"coldStage" | "coldCopy" | "warmStage" | "warmCopy", number[]> = {
    coldStage: [],
    coldCopy: [],
    warmStage: [],
    warmCopy: [],
  };
  // One untimed dry run first, into a throw-away cache: module loading and the
  // template engine's start are not staging. Cold and warm then differ by the cache's state.
  await stageTime(workspace, await workspace.freshDir("stage-warm-up-"));
  for (let rep = 0; rep < reps; rep++) {
    const cacheDir = await workspace.freshDir("stage-");
    times.coldStage.push(await stageTime(workspace, cacheDir));
    times.coldCopy.push(await copyTime(workspace));
    await workspace.editSource();
    times.warmStage.push(await stageTime(workspace, cacheDir));
    times.warmCopy.push(await copyTime(workspace));
    await rm(cacheDir, { recursive: true, force: true });
  }
  return {
    cold: { stage: summarize(times.coldStage), copy: summarize(times.coldCopy) },
    warm: { stage: summarize(times.warmStage), copy: summarize(times.warmCopy) },
  };
}

function ensureStagingBackend(): void {
  if (!hasBackend(STAGING_BACKEND))
    registerBackend(STAGING_BACKEND, {
      buildkitSupport: true,
      constructBuildArgs: () => [],
      source: "@bento/bench",
    });
}

/**
 * Milliseconds from the `bento` event to the `context` event of a dry-run build
 * with a backend whose health check is instant: finding the models in the store
 * and staging the context.
 */
export async function stageTime(workspace: BenchWorkspace, cacheDir: string): Promise<number> {
  return (await stageRun(workspace, cacheDir)).ms;
}

/** {@link stageTime} and the staged context's directory. */
export async function stageRun(
  workspace: BenchWorkspace,
  cacheDir: string,
): Promise<{ ms: number; dir: string }> {
  ensureStagingBackend();
  const at: Partial<Record<BuildEvent["type"], number>> = {};
  let dir = "";
  await build(workspace.bentoTag, {
    backend: STAGING_BACKEND,
    dryRun: true,
    env: workspace.env(cacheDir),
    onEvent: (event) => {
      at[event.type] ??= performance.now();
      if (event.type === "context") dir = event.dir;
    },
  });
  if (at.bento === undefined || at.context === undefined)
    throw new Error("the dry run emitted no bento or context event");
  return { ms: at.context - at.bento, dir };
}

async function copyTime(workspace: BenchWorkspace): Promise<number> {
  const dir = await workspace.freshDir("copy-");
  try {
    return (await timed(() => copyBento(workspace, dir))).ms;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
