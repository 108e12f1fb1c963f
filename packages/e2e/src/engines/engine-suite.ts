import { isBuildkit } from "@bento/test-support";
import { afterAll, beforeAll, describe } from "vitest";
import type { EngineBuilds } from "./builds.js";
import { imageChecks } from "./checks-image.js";
import { layoutChecks } from "./checks-layout.js";
import { reproducibleChecks } from "./checks-reproducible.js";
import { secretChecks } from "./checks-secret.js";
import type { EnginePlan } from "./engine-plan.js";
import type { Sandbox } from "./sandbox.js";

/**
 * Every check of one real engine through the `bento` CLI. Each image is built
 * once, on first use (or ahead, by the plan's prefetch), and removed at the end;
 * an unusable engine is skipped (`requireEngine` printed why, or failed under CI).
 */
export function engineSuite(plan: EnginePlan, usable: boolean): void {
  const { engine } = plan;
  describe.skipIf(!usable)(`${engine} through the bento CLI`, () => {
    let box: Sandbox | undefined;
    let builds: EngineBuilds | undefined;
    beforeAll(async () => {
      ({ box, builds } = await plan.setup());
    });
    afterAll(() => plan.dispose());

    const context = { engine, builds: () => builds!, sandbox: () => box! };
    imageChecks(context);
    layoutChecks(context);
    // Build-stage envs are BuildKit secrets; the issue asks for them on the BuildKit engines.
    if (isBuildkit(engine)) secretChecks(context);
    // Last: the podman and buildah rebuild removes the iris image first.
    reproducibleChecks(context);
  });
}
