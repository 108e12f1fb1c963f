import { readFile } from "node:fs/promises";
import { writeSecretFiles } from "../context/secrets.js";
import { createStepTracker } from "../process/progress.js";
import { runBuildProcess } from "../process/run-build.js";
import { explainFailure } from "./explain-failure.js";
import { runCleanups } from "./plan.js";
import type { BuildEvent, BuildPlan, BuildResult, RunPlanOptions } from "./types.js";

/**
 * Carries out a plan: writes its secrets, runs its command in the staged
 * context streaming log lines and steps, reads the image id, and cleans up
 * whatever happens. A failure whose backend no longer passes its health check
 * says so.
 */
export async function runPlan(plan: BuildPlan, options: RunPlanOptions = {}): Promise<BuildResult> {
  const emit = (event: BuildEvent) => options.onEvent?.(event);
  try {
    await writeSecretFiles(plan.secrets);
    emit({ type: "command", argv: plan.shownArgv });
    const track = createStepTracker();
    const { output } = await runBuildProcess(plan.argv, {
      shown: plan.shownArgv,
      env: plan.env,
      cwd: plan.contextPath,
      signal: options.signal,
      loader: plan.loader,
      onLine: (stream, line) => {
        emit({ type: "log", stream, line });
        const step = track(line);
        if (step) emit({ type: "step", ...step });
      },
    }).catch((error: unknown) => explainFailure(error, plan.backend, plan.userEnv));
    const idFile = plan.imageIdFile;
    const idText = idFile ? await readFile(idFile, "utf8").catch(() => "") : "";
    return planResult(plan, output, plan.backend.imageId?.parse(idText));
  } finally {
    await runCleanups(plan.cleanups);
  }
}

/** What a plan produced: after a run, its output and image id; for a dry run, neither. */
export function planResult(plan: BuildPlan, output = "", imageId?: string): BuildResult {
  return {
    imageId,
    tags: plan.tags,
    backend: plan.backend.name,
    argv: plan.shownArgv,
    containerfile: plan.containerfile,
    containerfilePath: plan.containerfilePath,
    contextPath: plan.contextPath,
    durationMs: Date.now() - plan.startedAt,
    output,
    reproducible: plan.reproducible,
    warnings: plan.warnings,
    dryRun: plan.dryRun,
  };
}
