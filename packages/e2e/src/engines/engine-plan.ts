import { type EngineName, isBuildkit, removeImages } from "@bento/test-support";
import { type EngineBuilds, engineBuilds } from "./builds.js";
import { once } from "./once.js";
import { type Sandbox, sandbox } from "./sandbox.js";

/** One engine's sandbox and builds, made on first use, built ahead of its checks if asked. */
export interface EnginePlan {
  engine: EngineName;
  setup(): Promise<{ box: Sandbox; builds: EngineBuilds }>;
  /** Builds every image the checks share, one after the other; failures wait for the checks. */
  prefetch(): Promise<void>;
  /** Removes the images built and the sandbox; a second call does nothing. */
  dispose(): Promise<void>;
}

/** The shared images of an engine, in build order (the from-scratch rebuild is not shared). */
function sharedImages(engine: EngineName): (keyof EngineBuilds)[] {
  return [
    "iris",
    "sentiment",
    "irisCompat",
    "irisEdited",
    ...(isBuildkit(engine) ? ["withSecret" as const] : []),
  ];
}

/** The plan of one engine; `runId` keeps its tags apart from other runs'. */
export function enginePlan(engine: EngineName, runId: string): EnginePlan {
  let made: { box: Sandbox; builds: EngineBuilds } | undefined;
  const setup = once(async () => {
    const box = await sandbox(`bento-e2e-${engine}-`);
    made = { box, builds: engineBuilds(engine, box, runId) };
    return made;
  });
  return {
    engine,
    setup,
    prefetch: async () => {
      const { builds } = await setup();
      for (const name of sharedImages(engine)) {
        await (builds[name] as () => Promise<unknown>)().catch(() => undefined);
      }
    },
    dispose: async () => {
      const done = made;
      made = undefined;
      if (done === undefined) return;
      await removeImages(engine, ...done.builds.tags());
      await done.box.cleanup();
    },
  };
}

/** Runs the plans' prefetches one after the other (buildah then reuses podman's layers). */
export async function prefetchInTurn(plans: readonly EnginePlan[]): Promise<void> {
  for (const plan of plans) await plan.prefetch();
}
