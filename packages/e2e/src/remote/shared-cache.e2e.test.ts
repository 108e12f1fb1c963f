import {
  type FreshBuildkitd,
  registryBaseImage,
  removeImages,
  requireEngine,
  startFreshBuildkitd,
} from "@bento/test-support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { containerize } from "../engines/bento-cli.js";
import { IRIS } from "../engines/paths.js";
import { type Sandbox, sandbox } from "../engines/sandbox.js";
import { deleteFromRegistry, fetchManifest, registryRef } from "./registry.js";

// Issue 20: a build cache shared between machines through a registry. Builder A (the
// buildkitd setup.sh started) exports its cache; builder B, a fresh buildkitd with empty
// state, imports it and runs none of the bento's RUN steps.

const usable = await requireEngine("buildctl");
const run = `${process.pid}`;
const TIMEOUT = 600_000;

/** The step numbers of RUN steps in BuildKit's plain progress output. */
function runSteps(output: string): string[] {
  return [...output.matchAll(/^(?:buildctl \| )?(#\d+) \[[^\]]*\] RUN /gm)].map((m) => m[1]!);
}

describe.skipIf(!usable)("a build cache shared through the registry", () => {
  let box: Sandbox;
  let builderB: FreshBuildkitd | undefined;
  const cache = registryRef("bento-e2e-cache", run);
  const images = [`bento-e2e-cache-a:${run}`, `bento-e2e-cache-b:${run}`];
  beforeAll(async () => {
    box = await sandbox("bento-e2e-shared-cache-");
  });
  afterAll(async () => {
    await builderB?.stop();
    await deleteFromRegistry(cache);
    await removeImages("buildctl", ...images);
    await box?.cleanup();
  });

  it("builder B, fresh, reuses what builder A exported", { timeout: TIMEOUT }, async () => {
    const iris = await box.copyBento(IRIS.dir, "iris");
    const flags = (image: string) => [
      ...["-t", image, "--backend", "buildctl", "--base-image", registryBaseImage()],
    ];
    const a = await containerize(
      iris,
      [...flags(images[0]!), "--opt", `export-cache=type=registry,ref=${cache},mode=max`],
      box.env(),
    );
    expect((await fetchManifest(cache)).digest).toMatch(/^sha256:/);
    builderB = await startFreshBuildkitd();
    const b = await containerize(
      iris,
      [...flags(images[1]!), "--opt", `import-cache=type=registry,ref=${cache}`],
      box.env({ BUILDKIT_HOST: builderB.address }),
    );
    const output = `${b.stdout}\n${b.stderr}`;
    const steps = runSteps(output);
    expect(steps.length).toBeGreaterThan(3);
    for (const step of steps) expect(output, `${step} ran on B`).toContain(`${step} CACHED`);
    expect(b.json.imageId).toBe(a.json.imageId);
  });
});
