import {
  describeFailure,
  exec,
  type FreshBuildkitd,
  registryBaseImage,
  removeImages,
  requireEngine,
  startFreshBuildkitd,
  type TempDir,
  tempDir,
} from "@bento/test-support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { containerize } from "../engines/bento-cli.js";
import { IRIS } from "../engines/paths.js";
import { type Sandbox, sandbox } from "../engines/sandbox.js";
import { configDigest, deleteFromRegistry, fetchManifest, registryRef } from "./registry.js";

// Issue 20: a build cache shared between machines through a registry. Builder A (the
// buildkitd setup.sh started) exports its cache; builder B, a fresh buildkitd with empty
// state, imports it, runs none of the bento's RUN steps and pushes the result (with
// rewrite-timestamp that push fails before BuildKit 0.15, "content digest … not found",
// https://github.com/moby/buildkit/issues/4793, so bento leaves it out there). Then the same
// with buildx: --cache-to on a remote-driver builder on A, --cache-from on one on a fresh B.

const usable = await requireEngine("buildctl");
const run = `${process.pid}`;
const TIMEOUT = 600_000;

/** The step numbers of RUN steps in BuildKit's plain progress output. */
function runSteps(output: string): string[] {
  return [...output.matchAll(/^(?:(?:buildctl|buildx) \| )?(#\d+) \[[^\]]*\] RUN /gm)].map(
    (m) => m[1]!,
  );
}

describe.skipIf(!usable)("a build cache shared through the registry", () => {
  let box: Sandbox;
  let builderB: FreshBuildkitd | undefined;
  const cache = registryRef("bento-e2e-cache", run);
  const images = [`bento-e2e-cache-a:${run}`];
  const pushedB = registryRef("bento-e2e-cache-b", run);
  beforeAll(async () => {
    box = await sandbox("bento-e2e-shared-cache-");
  });
  afterAll(async () => {
    await builderB?.stop();
    await deleteFromRegistry(cache);
    await deleteFromRegistry(pushedB);
    await removeImages("buildctl", ...images);
    await box?.cleanup();
  });

  it("builder B, fresh, reuses what builder A exported and pushes", {
    timeout: TIMEOUT,
  }, async () => {
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
      [...flags(pushedB), "--opt", "push", "--opt", `import-cache=type=registry,ref=${cache}`],
      box.env({ BUILDKIT_HOST: builderB.address }),
    );
    const output = `${b.stdout}\n${b.stderr}`;
    const steps = runSteps(output);
    expect(steps.length).toBeGreaterThan(3);
    for (const step of steps) expect(output, `${step} ran on B`).toContain(`${step} CACHED`);
    // Before BuildKit 0.15 bento leaves rewrite-timestamp out of a push that imports a cache
    // (moby/buildkit#4793), so B's layers keep their build times: its id is its own.
    expect(b.stderr).toMatch(/rewrite-timestamp left out/);
    expect(await configDigest(pushedB)).toBe(b.json.imageId);
    expect(a.json.imageId).toMatch(/^sha256:/);
  });
});

const buildxUsable = (await requireEngine("buildx")) && usable;

describe.skipIf(!buildxUsable)("buildx: --cache-to and --cache-from through the registry", () => {
  let box: Sandbox;
  let config: TempDir;
  let builderB: FreshBuildkitd | undefined;
  const cache = registryRef("bento-e2e-buildx-cache", run);
  const images = [`bento-e2e-buildx-cache-a:${run}`, `bento-e2e-buildx-cache-b:${run}`];
  const names = [`bento-e2e-cache-a-${run}`, `bento-e2e-cache-b-${run}`];
  const buildx = async (argv: readonly string[]) => {
    const full = ["docker", "buildx", ...argv];
    const result = await exec(full, { env: { ...process.env, BUILDX_CONFIG: config.path } });
    if (result.exitCode !== 0) throw new Error(describeFailure(full, result));
  };
  beforeAll(async () => {
    box = await sandbox("bento-e2e-buildx-cache-");
    config = await tempDir("bento-e2e-buildx-cache-config-");
  });
  afterAll(async () => {
    for (const name of names) await buildx(["rm", name]).catch(() => {});
    await builderB?.stop();
    await deleteFromRegistry(cache);
    await removeImages("buildx", ...images);
    await config?.cleanup();
    await box?.cleanup();
  });

  it("a fresh builder B reuses what builder A exported", { timeout: TIMEOUT }, async () => {
    const iris = await box.copyBento(IRIS.dir, "iris");
    builderB = await startFreshBuildkitd();
    // Remote-driver builders: A on the buildkitd setup.sh started, B on the fresh one.
    const socketA = process.env.BENTO_BUILDKIT_SOCKET?.trim() || "/run/buildkit/buildkitd.sock";
    await buildx(["create", "--name", names[0]!, "--driver", "remote", `unix://${socketA}`]);
    await buildx(["create", "--name", names[1]!, "--driver", "remote", builderB.address]);
    const build = (builder: string, image: string, cacheFlag: string) =>
      containerize(
        iris,
        [...["-t", image, "--backend", "buildx", "--base-image", registryBaseImage()]].concat([
          "--opt",
          cacheFlag,
        ]),
        box.env({ BUILDX_CONFIG: config.path, BUILDX_BUILDER: builder }),
      );
    const a = await build(names[0]!, images[0]!, `cache-to=type=registry,ref=${cache},mode=max`);
    expect((await fetchManifest(cache)).digest).toMatch(/^sha256:/);
    const b = await build(names[1]!, images[1]!, `cache-from=type=registry,ref=${cache}`);
    const output = `${b.stdout}\n${b.stderr}`;
    const steps = runSteps(output);
    expect(steps.length).toBeGreaterThan(3);
    for (const step of steps) expect(output, `${step} ran on B`).toContain(`${step} CACHED`);
    expect(b.json.imageId).toBe(a.json.imageId);
  });
});
