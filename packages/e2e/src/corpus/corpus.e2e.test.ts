import { removeImages, requireEngine } from "@bento/test-support";
import { afterAll, describe, expect, it } from "vitest";
import { type Sandbox, sandbox } from "../engines/sandbox.js";
import { buildCorpusBento, OFFLINE_CASES } from "./corpus-builds.js";

// Issue 18: corpus bentos (written as BentoML writes them) built for real on
// docker and podman in both layouts; the images must hold the same files, user,
// env and entrypoint.

// podman commits every step (a corpus bento takes it 30-140 s here against docker's
// 10-45 s), so it builds three of the bentos: a spec 1 user template, a spec 1
// setup_script recorded outside the bento, and spec 2 with build_include globs.
const CASES = {
  docker: OFFLINE_CASES,
  podman: ["s1-template-extend", "s1-debian-setup-script-absolute", "s2-custom-base"],
} as const;
const ENGINES = ["docker", "podman"] as const;
const runId = `${process.pid}`;

for (const engine of ENGINES) {
  const usable = await requireEngine(engine);
  describe.skipIf(!usable)(`corpus bentos on ${engine}: layered and compat images agree`, () => {
    const tags: string[] = [];
    let box: Sandbox | undefined;
    const sandboxOnce = async () => {
      box ??= await sandbox(`bento-corpus-${engine}-`);
      return box;
    };
    afterAll(async () => {
      await removeImages(engine, ...tags);
      await box?.cleanup();
    }, 120_000);

    for (const name of CASES[engine]) {
      it(name, async () => {
        const tag = (layout: string) => `bento-e2e-corpus-${name}:${engine}-${layout}-${runId}`;
        const built = { layered: tag("layered"), compat: tag("compat") };
        tags.push(built.layered, built.compat);
        const layered = await buildCorpusBento(
          engine,
          await sandboxOnce(),
          name,
          "layered",
          built.layered,
        );
        const compat = await buildCorpusBento(
          engine,
          await sandboxOnce(),
          name,
          "compat",
          built.compat,
        );
        expect(layered.tree).toContain("bento.yaml bentoml bentoml 644");
        expect(layered.tree).toContain("env/docker/entrypoint.sh bentoml bentoml 755");
        expect(layered.user).toBe("bentoml");
        expect(layered.env.BENTO_PATH).toBe("/home/bentoml/bento");
        expect(layered.entrypoint).toEqual(["/home/bentoml/bento/env/docker/entrypoint.sh"]);
        expect(compat.tree).toEqual(layered.tree);
        expect(compat.user).toBe(layered.user);
        expect(compat.env).toEqual(layered.env);
        expect(compat.entrypoint).toEqual(layered.entrypoint);
      }, 600_000);
    }
  });
}
