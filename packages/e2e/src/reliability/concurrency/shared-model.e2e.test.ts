import { existsSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { baseImage, removeImages, requireEngine, runInImage } from "@bento/test-support";
import { describe, expect, it } from "vitest";
import {
  spec2,
  tenThousandFiles,
  writeBento,
  writeFiles,
  writeStoreModel,
} from "../support/bento-files.js";
import { describeRun } from "../support/clean-error.js";
import { runCli, startCli } from "../support/cli.js";
import { unstable } from "../support/leftovers.js";
import { sandbox } from "../support/sandbox.js";

// Real docker builds at once: four bentos that share one store model, two builds each; and a
// build started while another build of the same bento is still staging 10,000 files. Every image
// holds its own bento's sources and the shared model; nothing is left behind.

const usable = await requireEngine("docker");

async function writeSharedModelBento(dir: string, name: string, files: Record<string, string>) {
  const models = [{ tag: "relia_model:m1", registry: "bentoml", module: "bentoml.sklearn" }];
  await writeBento(dir, { ...spec2({ base_image: baseImage() }, { models }), name });
  await writeFiles(dir, files);
  return dir;
}

const READ =
  "cat /home/bentoml/bento/src/service.py /home/bentoml/bento/models/relia_model/m1/saved_model.pkl";

describe.skipIf(!usable)("concurrent real builds", () => {
  it("8 builds of 4 bentos sharing one model each get their own sources and the model", async () => {
    const box = await sandbox("bento-conc-shared-");
    const runs: { dir: string; tag: string; name: string }[] = [];
    try {
      await writeStoreModel(box.home, "relia_model", "m1");
      for (const name of ["alpha", "beta", "gamma", "delta"]) {
        const dir = await writeSharedModelBento(join(box.work, name), name, {
          "src/service.py": `NAME = "${name}"\n`,
        });
        for (const i of [1, 2])
          runs.push({ dir, name, tag: `bento-relia-shared:${name}${i}-${process.pid}` });
      }
      const results = await Promise.all(
        runs.map((run) =>
          runCli(["containerize", run.dir, "--backend", "docker", "-t", run.tag], {
            env: box.env({}, true),
            cwd: box.work,
            timeoutMs: 300_000,
          }),
        ),
      );
      for (const [i, result] of results.entries()) {
        expect(result.exitCode, describeRun(result)).toBe(0);
        const seen = await runInImage("docker", runs[i]!.tag, ["sh", "-c", READ]);
        expect(seen.stdout).toBe(`NAME = "${runs[i]!.name}"\nweights\n`);
      }
      expect(unstable(await box.leftovers())).toEqual([]);
    } finally {
      await removeImages("docker", ...runs.map((run) => run.tag));
      await box.cleanup();
    }
  });

  it("a build started while another of the same bento stages gets a tree of its own", async () => {
    const box = await sandbox("bento-conc-staging-");
    const tags = ["first", "second"].map((n) => `bento-relia-during:${n}-${process.pid}`);
    try {
      await writeStoreModel(box.home, "relia_model", "m1");
      const files = { ...tenThousandFiles(), "src/service.py": 'NAME = "many"\n' };
      const dir = await writeSharedModelBento(join(box.work, "many"), "relia", files);
      const tree = join(box.cache, "contexts", "relia-v1");
      const argv = (tag: string) => [
        "containerize",
        dir,
        "--backend",
        "docker",
        "-t",
        tag,
        "--json",
      ];
      const options = { env: box.env({}, true), cwd: box.work, timeoutMs: 300_000 };
      const first = startCli(argv(tags[0]!), options);
      while (!existsSync(`${tree}.lock`)) {
        if (first.child.exitCode !== null) throw new Error(first.output());
        await sleep(2);
      }
      const second = await runCli(argv(tags[1]!), options);
      const results = [await first.result, second];
      const trees = results.map((result) => {
        expect(result.exitCode, describeRun(result)).toBe(0);
        return (JSON.parse(result.stdout) as { argv: string[] }).argv.at(-1);
      });
      expect(trees[0]).toBe(tree);
      expect(trees[1]).toBe(`${tree}~2`);
      for (const tag of tags) {
        const seen = await runInImage("docker", tag, [
          "sh",
          "-c",
          `${READ}; ls /home/bentoml/bento/src | wc -l`,
        ]);
        expect(seen.stdout).toBe('NAME = "many"\nweights\n101\n');
      }
      expect(unstable(await box.leftovers())).toEqual([]);
    } finally {
      await removeImages("docker", ...tags);
      await box.cleanup();
    }
  });
});
