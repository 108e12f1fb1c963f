import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { BuildResultJson } from "@bento/cli";
import { baseImage, type EngineName, registryBaseImage, removeImages } from "@bento/test-support";
import { containerize } from "./bento-cli.js";
import { addBuildStageEnv, editServiceSource } from "./bento-edits.js";
import { once } from "./once.js";
import { IRIS, SENTIMENT } from "./paths.js";
import type { Sandbox } from "./sandbox.js";

/** One image the suite built through the CLI. */
export interface Built {
  /** The bento folder built (a copy in the sandbox). */
  bentoDir: string;
  tags: string[];
  json: BuildResultJson;
  /** Everything the CLI printed, both streams. */
  output: string;
  /** The Containerfile the build used. */
  containerfile: string;
}

/** The images of one engine, each built on first use and shared by the checks after it. */
export interface EngineBuilds {
  /** The spec-2 iris bento, layered, under two tags, with labels. */
  iris(): Promise<Built>;
  /** The same bento in the compat layout, with `--no-labels`. */
  irisCompat(): Promise<Built>;
  /** The spec-1 sentiment bento, layered. */
  sentiment(): Promise<Built>;
  /** The iris bento again, layered, after a one-line change in `src/`. */
  irisEdited(): Promise<Built>;
  /** The iris bento with a `stage: build` env whose value comes from the environment. */
  withSecret(): Promise<Built & { secret: string }>;
  /** Removes the iris image, then builds it again without the build cache. */
  irisRebuiltFromScratch(): Promise<Built>;
  /** The iris bento built with no cache a second time, after the first no-cache build's tags are gone. */
  irisRebuiltFromScratchAgain(): Promise<Built>;
  /** Every tag built so far, for clean-up. */
  tags(): string[];
}

/** The base image an engine builds FROM: buildkitd sees no local store, so it pulls from the loopback registry. */
function baseImageFor(engine: EngineName): string {
  return engine === "buildctl" ? registryBaseImage() : baseImage();
}

/** Tags under which no other run's images live. */
function tagFor(engine: EngineName, what: string, runId: string): string {
  return `bento-e2e-${what}:${engine}-${runId}`;
}

/** The build plan of one engine in its sandbox. */
export function engineBuilds(engine: EngineName, box: Sandbox, runId: string): EngineBuilds {
  const made = new Set<string>();
  const build = async (
    bentoDir: string,
    tags: string[],
    flags: readonly string[] = [],
    env: NodeJS.ProcessEnv = box.env(),
  ): Promise<Built> => {
    for (const tag of tags) made.add(tag);
    const tagFlags = tags.flatMap((tag) => ["-t", tag]);
    const common = ["--backend", engine, "--base-image", baseImageFor(engine)];
    const run = await containerize(bentoDir, [...tagFlags, ...common, ...flags], env);
    return {
      bentoDir,
      tags,
      json: run.json,
      output: `${run.stdout}\n${run.stderr}`,
      containerfile: await readFile(run.json.containerfile, "utf8"),
    };
  };
  const irisDir = once(() => box.copyBento(IRIS.dir, "iris"));
  const irisTags = [tagFor(engine, "iris", runId), tagFor(engine, "iris", `${runId}-alias`)];
  const iris = once(async () => build(await irisDir(), irisTags));
  const irisRebuiltFromScratch = once(async () => {
    await iris();
    await removeImages(engine, ...irisTags);
    return build(await irisDir(), irisTags, ["--opt", "no-cache"]);
  });
  return {
    iris,
    irisCompat: once(async () =>
      build(
        await irisDir(),
        [tagFor(engine, "iris-compat", runId)],
        ["--layout", "compat", "--no-labels"],
      ),
    ),
    sentiment: once(async () =>
      build(await box.copyBento(SENTIMENT.dir, "sentiment"), [tagFor(engine, "sentiment", runId)]),
    ),
    irisEdited: once(async () => {
      const dir = await box.copyBento(await irisDir(), "iris-edited");
      await editServiceSource(dir);
      return build(dir, [tagFor(engine, "iris-edited", runId)]);
    }),
    withSecret: once(async () => {
      const dir = await box.copyBento(IRIS.dir, "iris-secret");
      const secret = `bento-e2e-secret-${randomBytes(16).toString("hex")}`;
      await addBuildStageEnv(dir, "BUILD_TOKEN", randomBytes(8).toString("hex"));
      const env = box.env({ BUILD_TOKEN: secret });
      return { ...(await build(dir, [tagFor(engine, "secret", runId)], [], env)), secret };
    }),
    irisRebuiltFromScratch,
    irisRebuiltFromScratchAgain: once(async () => {
      await irisRebuiltFromScratch();
      await removeImages(engine, ...irisTags);
      return build(await irisDir(), irisTags, ["--opt", "no-cache"]);
    }),
    tags: () => [...made],
  };
}
