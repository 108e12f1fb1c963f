import { type EngineName, removeImages } from "@bento/test-support";
import { afterAll, beforeAll, describe } from "vitest";
import { type EngineBuilds, engineBuilds } from "./builds.js";
import { imageChecks } from "./checks-image.js";
import { layoutChecks } from "./checks-layout.js";
import { reproducibleChecks } from "./checks-reproducible.js";
import { secretChecks } from "./checks-secret.js";
import { type Sandbox, sandbox } from "./sandbox.js";

/**
 * Every check of one real engine through the `bento` CLI. Each image is built
 * once, on first use, and removed at the end; an unusable engine is skipped
 * (`requireEngine` printed why, or failed the run under CI).
 */
export function engineSuite(engine: EngineName, usable: boolean, runId: string): void {
  describe.skipIf(!usable)(`${engine} through the bento CLI`, () => {
    let box: Sandbox | undefined;
    let builds: EngineBuilds | undefined;
    beforeAll(async () => {
      box = await sandbox(`bento-e2e-${engine}-`);
      builds = engineBuilds(engine, box, runId);
    });
    afterAll(async () => {
      if (builds) await removeImages(engine, ...builds.tags());
      await box?.cleanup();
    });

    const context = { engine, builds: () => builds!, sandbox: () => box! };
    imageChecks(context);
    layoutChecks(context);
    // Build-stage envs are BuildKit secrets; the issue asks for them on the BuildKit engines.
    if (engine === "docker" || engine === "buildx") secretChecks(context);
    // Last: the podman and buildah rebuild removes the iris image first.
    reproducibleChecks(context);
  });
}
