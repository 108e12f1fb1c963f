import { planGuessing, runCleanups } from "./plan.js";
import { planResult, runPlan, StaleGuessError } from "./run.js";
import type { BuildOptions, BuildResult, RuntimeBuildOptions } from "./types.js";

/**
 * Builds an OCI image from a bento: `planBuild` decides everything,
 * {@link runPlan} runs it. A dry run returns the plan's result and runs nothing.
 * An environment image is named from the base image ids of the last build and
 * checked beside the code build; when they no longer hold, the build is
 * planned again with the ids looked up first.
 */
export async function build(
  ref: string,
  options: BuildOptions | RuntimeBuildOptions = {},
): Promise<BuildResult> {
  const run = { signal: options.signal, onEvent: options.onEvent };
  const plan = await planGuessing(ref, options, true);
  if (plan.dryRun) {
    await runCleanups(plan.cleanups);
    return planResult(plan);
  }
  try {
    return await runPlan(plan, run);
  } catch (error) {
    if (!(error instanceof StaleGuessError)) throw error;
  }
  const line =
    "The base image changed since the last build, or its environment image is gone: planning again.";
  options.onEvent?.({ type: "log", stream: "stdout", line });
  return runPlan(await planGuessing(ref, options, false), run);
}
