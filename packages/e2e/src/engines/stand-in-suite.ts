import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { baseImage, type RecordingStandIn } from "@bento/test-support";
import { afterAll, beforeAll, describe, expect } from "vitest";
import { flagValues } from "./argv-flags.js";
import { check } from "./check.js";
import { once } from "./once.js";
import { IRIS } from "./paths.js";
import { type Sandbox, sandbox } from "./sandbox.js";
import { LOOPBACK_BUILDKIT, type StandInBuild, standInBuild } from "./stand-in-builds.js";

/**
 * What every stand-in build must show: the CLI ran what it reported, on a staged
 * context holding the store's model, with a BuildKit Containerfile FROM the base image.
 */
async function expectCommonShape(built: StandInBuild, backend: string): Promise<void> {
  const { run, build } = built;
  expect(run.json.argv).toEqual([backend, ...build.argv]);
  expect(run.json.imageId).toBe(built.imageId);
  expect(run.json.tags).toEqual([built.tag]);
  expect(existsSync(join(build.cwd, "bento.yaml"))).toBe(true);
  const model = `models/${IRIS.model.name}/${IRIS.model.version}/saved_model.pkl`;
  expect(existsSync(join(build.cwd, model))).toBe(true);
  const containerfile = await readFile(run.json.containerfile, "utf8");
  expect(containerfile).toContain(`\nFROM ${baseImage()} AS base-container\n`);
  expect(containerfile).toMatch(/^RUN\s+--mount=type=cache,/m);
}

/** nerdctl through the `bento` CLI, against a recording stand-in on PATH. */
export function standInSuite(): void {
  describe("nerdctl through the bento CLI (a recording stand-in)", () => {
    const made: RecordingStandIn[] = [];
    let box: Sandbox | undefined;
    beforeAll(async () => {
      box = await sandbox("bento-e2e-standins-");
    });
    afterAll(async () => {
      await Promise.all(made.map((standIn) => standIn.cleanup()));
      await box?.cleanup();
    });
    const nerdctl = once(() => standInBuild("nerdctl", box!, made));

    check("stand-in: argv, env, image id", "nerdctl", async () => {
      const built = await nerdctl();
      await expectCommonShape(built, "nerdctl");
      const { argv, env, cwd } = built.build;
      expect(flagValues(argv, "--tag")).toEqual([built.tag]);
      expect(flagValues(argv, "--file")).toEqual([built.run.json.containerfile]);
      expect(flagValues(argv, "--build-arg")).toEqual(["GREETING=hello world"]);
      expect(flagValues(argv, "--label")).toContain(`org.opencontainers.image.title=${IRIS.name}`);
      expect(flagValues(argv, "--iidfile")).toHaveLength(1);
      expect(argv.at(-1)).toBe(cwd);
      expect(env).toEqual({ BUILDKIT_HOST: LOOPBACK_BUILDKIT });
    });

    check("reproducible: says if applied, truly", "nerdctl", async () => {
      const { reproducible } = (await nerdctl()).run.json;
      expect(reproducible.applied).toBe(false);
      expect(reproducible.reason).toMatch(/^nerdctl cannot pin image timestamps/);
    });
  });
}
