import { rm } from "node:fs/promises";
import { removeImages } from "@bento/test-support";
import { bentoWayBuild, withoutIidfile } from "../bento-way.js";
import { bentomlWayBuild, type WayBuild } from "../bentoml-way.js";
import { timed } from "../clock.js";
import { mustRun } from "../command.js";
import type { BenchEngine } from "../engines.js";
import { savedLayerSizes } from "../image-archive.js";
import { coldStart, type ImageLedger, imageLedger, layerDiffIds, runBaseImage } from "../images.js";
import { type NewLayers, newLayers } from "../layer-bytes.js";
import { startupOnly } from "../startup-env.js";
import { type Summary, summarize } from "../stats.js";
import type { BenchWorkspace } from "../workspace.js";
import { benchFloor } from "./floor.js";

/** The three builds of one way, and what the code edit added to its image. */
export interface WayResult {
  cold: Summary;
  change: Summary;
  noop: Summary;
  newLayers: NewLayers;
}

/** `bento containerize` against BentoML's way on one engine. */
export interface EngineBuilds {
  engine: string;
  bento: WayResult;
  bentoml: WayResult;
  /** The engine command of our no-op rebuild, run again by itself: the engine's share of it. */
  engineNoop: Summary;
  /**
   * That command run by itself after one more one-line edit (the staged
   * context's files are links to the bento's): the engine's share of our
   * code-change rebuild; on podman and buildah the code build, the environment
   * image being in the store.
   */
  engineChange: Summary;
  /**
   * The engine's own cached build of `FROM` + `COPY src` after an edit (see
   * `benchFloor`), `FROM` the image our code-change rebuild's build is `FROM`.
   */
  floor: Summary;
  /** What the floor builds `FROM`: `base` (the run's base image) or `environment` (our environment image). */
  floorFrom: "base" | "environment";
  /**
   * Our code-change rebuild again with this machine's start-up-only variables
   * kept (see `STARTUP_ONLY`), timed beside the floor; absent when none is set.
   */
  changeWithMachineEnv?: Summary;
}

/** What a build section needs besides the engine. */
export interface BuildsInput {
  workspace: BenchWorkspace;
  reps: number;
  baseImage: string;
  runId: string;
  log(line: string): void;
}

type WayName = "bento" | "bentoml";
type Phase = "cold" | "change" | "noop";

/** An image one way built, and the engine command that built it when the way says. */
interface Built {
  imageId: string;
  engineArgv?: string[];
  /** The image the way's (last) build is `FROM`, when the way says. */
  fromImage?: string;
}

/** One way of building: `build(cold)` makes the image (`env` adds variables to bento's). */
interface Way {
  name: WayName;
  build(cold: boolean, env?: NodeJS.ProcessEnv): Promise<Built>;
}

/**
 * Per repetition and way: a cold build (the bench's images and the build cache
 * removed), a rebuild after a one-line `src/` edit, and a no-op rebuild. Both
 * ways build FROM a base image made for this run. The first repetition also
 * weighs the layers the edit added.
 */
export async function benchBuilds(engine: BenchEngine, input: BuildsInput): Promise<EngineBuilds> {
  const base = await runBaseImage(
    engine,
    input.baseImage,
    await input.workspace.freshDir("base-"),
    input.runId,
  );
  const ledger = await imageLedger(engine);
  const ways = [bentoWay(engine, input, base), bentomlWay(engine, input, base)];
  const samples: Record<WayName, Record<Phase, number[]>> = {
    bento: { cold: [], change: [], noop: [] },
    bentoml: { cold: [], change: [], noop: [] },
  };
  const added = new Map<WayName, NewLayers>();
  const engineNoop: number[] = [];
  const engineChange: number[] = [];
  let floor: Summary | undefined;
  let changeWithMachineEnv: Summary | undefined;
  let floorFrom = base;
  try {
    for (let rep = 1; rep <= input.reps; rep++) {
      for (const way of ways) {
        const step = async (phase: Phase, cold: boolean) => {
          const { ms, value } = await timed(() => way.build(cold));
          await ledger.add(value.imageId);
          samples[way.name][phase].push(ms);
          input.log(`${engine.name} ${way.name} ${phase} #${rep}: ${(ms / 1000).toFixed(1)} s`);
          return value;
        };
        await coldStart(engine, ledger);
        const before = await step("cold", true);
        await input.workspace.editSource();
        const after = await step("change", false);
        if (after.fromImage) floorFrom = after.fromImage;
        if (rep === 1)
          added.set(way.name, await weighNewLayers(engine, before.imageId, after.imageId));
        const { engineArgv } = await step("noop", false);
        if (engineArgv) {
          engineNoop.push(await timeEngineAlone(engine, engineArgv));
          await input.workspace.editSource();
          engineChange.push(await timeEngineAlone(engine, engineArgv));
        }
        // The floor builds on our last build's FROM image, while it is still in the store.
        if (way.name === "bento" && rep === input.reps) {
          input.log(`${engine.name} floor: FROM ${floorFrom} + COPY src`);
          floor = await benchFloor(engine, input.workspace, floorFrom, input.reps, ledger);
          changeWithMachineEnv = await machineEnvChanges(way, input, ledger);
        }
      }
    }
  } finally {
    await coldStart(engine, ledger);
    await removeImages(engine.name, base);
  }
  const result = (name: WayName): WayResult => ({
    cold: summarize(samples[name].cold),
    change: summarize(samples[name].change),
    noop: summarize(samples[name].noop),
    newLayers: added.get(name)!,
  });
  return {
    engine: engine.name,
    bento: result("bento"),
    bentoml: result("bentoml"),
    engineNoop: summarize(engineNoop),
    engineChange: summarize(engineChange),
    floor: floor!,
    floorFrom: floorFrom === base ? "base" : "environment",
    changeWithMachineEnv,
  };
}

/** Runs our build's engine command again, by itself (a no-op), and times it. */
async function timeEngineAlone(engine: BenchEngine, argv: readonly string[]): Promise<number> {
  const env = { ...process.env, ...engine.env };
  return (await timed(() => mustRun(withoutIidfile(argv), { env }))).ms;
}

async function weighNewLayers(engine: BenchEngine, before: string, after: string) {
  const [old, current, sizes] = await Promise.all([
    layerDiffIds(engine, before),
    layerDiffIds(engine, after),
    savedLayerSizes(engine.store, after),
  ]);
  return newLayers(old, current, sizes);
}

/** `bento containerize`; a cold build also starts from a new cache directory (nothing staged). */
function bentoWay(engine: BenchEngine, input: BuildsInput, baseImage: string): Way {
  let cacheDir: string | undefined;
  const build: WayBuild = { tag: `bento-bench-bento:${engine.name}`, baseImage };
  return {
    name: "bento",
    async build(cold, env) {
      if (cold || cacheDir === undefined) {
        if (cacheDir) await rm(cacheDir, { recursive: true, force: true });
        cacheDir = await input.workspace.freshDir("cache-");
      }
      const { imageId, argv, fromImage } = await bentoWayBuild(
        input.workspace,
        engine,
        build,
        cacheDir,
        env,
      );
      return { imageId, engineArgv: argv, fromImage };
    },
  };
}

/** `reps` code-change rebuilds with this machine's start-up-only variables kept, if it sets any. */
async function machineEnvChanges(
  way: Way,
  input: BuildsInput,
  ledger: ImageLedger,
): Promise<Summary | undefined> {
  const env = startupOnly(process.env);
  if (Object.keys(env).length === 0) return undefined;
  const samples: number[] = [];
  for (let rep = 0; rep < input.reps; rep++) {
    await input.workspace.editSource();
    const { ms, value } = await timed(() => way.build(false, env));
    await ledger.add(value.imageId);
    samples.push(ms);
  }
  return summarize(samples);
}

function bentomlWay(engine: BenchEngine, input: BuildsInput, baseImage: string): Way {
  const build: WayBuild = { tag: `bento-bench-bentoml:${engine.name}`, baseImage };
  return {
    name: "bentoml",
    build: async () => ({ imageId: await bentomlWayBuild(input.workspace, engine, build) }),
  };
}
