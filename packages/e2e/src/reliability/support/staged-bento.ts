import { join } from "node:path";
import { spec2, writeBento, writeStoreModel } from "./bento-files.js";
import { describeRun } from "./clean-error.js";
import { type CliResult, runCli } from "./cli.js";
import type { Sandbox } from "./sandbox.js";
import { writeStandIn } from "./stand-in.js";

/** A bento with a store model (so its context is staged), and how to build it with a stand-in docker. */
export interface StagedBento {
  dir: string;
  /** The model's folder in the store and its place in the context. */
  model: { dir: string; at: string };
  /** The first staged tree of the bento. */
  tree: string;
  /** `bento containerize DIR --backend docker --json [...extra]`, stdin closed. */
  build(extra?: readonly string[], env?: NodeJS.ProcessEnv): Promise<CliResult>;
}

/** Writes `work/<name>` (bento `relia:v1` using model `relia_model:m1`) and a stand-in docker. */
export async function writeStagedBento(
  box: Sandbox,
  name = "staged",
  files: Readonly<Record<string, string>> = {},
): Promise<StagedBento> {
  await writeStoreModel(box.home, "relia_model", "m1");
  await writeStandIn(box.bin, { serverVersion: "20.10.24" });
  const models = [{ tag: "relia_model:m1", registry: "bentoml", module: "bentoml.sklearn" }];
  const dir = await writeBento(join(box.work, name), spec2({}, { models }), files);
  return {
    dir,
    model: { dir: join(box.home, "models/relia_model/m1"), at: "models/relia_model/m1" },
    tree: join(box.cache, "contexts", "relia-v1"),
    build: (extra = [], env = {}) =>
      runCli(["containerize", dir, "--backend", "docker", "--json", ...extra], {
        env: box.env(env),
        cwd: box.work,
      }),
  };
}

/** The build context a `--json` run used (the argv's last element); throws with the run's output when it failed. */
export function contextOf(result: CliResult): string {
  if (result.exitCode !== 0) throw new Error(describeRun(result));
  return (JSON.parse(result.stdout) as { argv: string[] }).argv.at(-1)!;
}
