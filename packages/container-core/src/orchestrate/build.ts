import { planBuild, runCleanups } from "./plan.js";
import { planResult, runPlan } from "./run.js";
import type { BuildOptions, BuildResult, RuntimeBuildOptions } from "./types.js";

/**
 * Builds an OCI image from a bento: {@link planBuild} decides everything,
 * {@link runPlan} runs it. A dry run returns the plan's result and runs nothing.
 */
export async function build(
  ref: string,
  options: BuildOptions | RuntimeBuildOptions = {},
): Promise<BuildResult> {
  const plan = await planBuild(ref, options);
  if (!plan.dryRun) return runPlan(plan, { signal: options.signal, onEvent: options.onEvent });
  await runCleanups(plan.cleanups);
  return planResult(plan);
}
