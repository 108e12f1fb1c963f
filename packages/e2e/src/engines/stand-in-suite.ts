import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { baseImage, type RecordingStandIn } from "@bento/test-support";
import { afterAll, beforeAll, describe, expect } from "vitest";
import { flagValues } from "./argv-flags.js";
import { check } from "./check.js";
import { once } from "./once.js";
import { IRIS } from "./paths.js";
import { type Sandbox, sandbox } from "./sandbox.js";
import { LOOPBACK_BUILDKIT, type StandInBuild, standInBuild } from "./stand-in-builds.js";

/** The iris bento's creation time in epoch seconds (`SOURCE_DATE_EPOCH`). */
const IRIS_EPOCH = "1768472430";
const IRIS_LABEL_OPTS = [
  `label:org.opencontainers.image.title=${IRIS.name}`,
  `label:ai.bentoml.bento=${IRIS.name}:x4kzqfv7ckc3ahqb`,
];

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

/** nerdctl and buildctl through the `bento` CLI, against recording stand-ins on PATH. */
export function standInSuite(): void {
  describe("nerdctl and buildctl through the bento CLI (recording stand-ins)", () => {
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
    const buildctl = once(() => standInBuild("buildctl", box!, made));

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

    check("stand-in: argv, env, image id", "buildctl", async () => {
      const built = await buildctl();
      await expectCommonShape(built, "buildctl");
      const { argv, env, cwd } = built.build;
      const file = built.run.json.containerfile;
      expect(flagValues(argv, "--frontend")).toEqual(["dockerfile.v0"]);
      expect(flagValues(argv, "--local")).toEqual([
        `context=${cwd}`,
        `dockerfile=${dirname(file)}`,
      ]);
      expect(flagValues(argv, "--metadata-file")).toHaveLength(1);
      const opts = flagValues(argv, "--opt");
      expect(opts).toEqual(
        expect.arrayContaining([
          `filename=${basename(file)}`,
          "build-arg:GREETING=hello world",
          ...IRIS_LABEL_OPTS,
        ]),
      );
      expect(env).toEqual({ BUILDKIT_HOST: LOOPBACK_BUILDKIT, SOURCE_DATE_EPOCH: IRIS_EPOCH });
    });

    check("stand-in: output autoconfig + docker load", "buildctl", async () => {
      const { build, tag, load } = await buildctl();
      expect(flagValues(build.argv, "--output")).toEqual([`type=docker,name=docker.io/${tag}`]);
      expect(load?.calls.map((call) => call.argv)).toEqual([["load"]]);
      expect(load?.tarball).toMatch(/^bento-e2e-tarball-[0-9a-f]{16}$/);
      expect(load?.stdin).toBe(load?.tarball);
    });

    check("reproducible: says if applied, truly", "buildctl", async () => {
      const { run, build } = await buildctl();
      expect(run.json.reproducible).toEqual({ applied: true });
      expect(flagValues(build.argv, "--opt")).toContain(
        `build-arg:SOURCE_DATE_EPOCH=${IRIS_EPOCH}`,
      );
    });
  });
}
