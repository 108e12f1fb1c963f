import { rmSync } from "node:fs";
import { join } from "node:path";
import { removeImages, requireEngine, runInImage } from "@bento/test-support";
import { describe, expect, it } from "vitest";
import { tenThousandFiles, writeFiles } from "../support/bento-files.js";
import { byteTree, stagedMismatch } from "../support/byte-tree.js";
import { describeRun } from "../support/clean-error.js";
import { runCli, startCli } from "../support/cli.js";
import { writeEngineBento } from "../support/engine-bento.js";
import { unstable } from "../support/leftovers.js";
import { sandbox } from "../support/sandbox.js";
import { contextOf } from "../support/staged-bento.js";
import { killMidStaging, STAGING_POINTS } from "./kill-mid-staging.js";

// `bento containerize` SIGKILLed while it stages a bento of 10,000 files, at each point of
// STAGING_POINTS, each time followed by a real docker build with nothing cleaned up by hand:
// it takes the tree over, repairs it to exactly the bento's files, and the image holds them
// all (the edit made after the kill included); nothing is left behind.

const usable = await requireEngine("docker");

describe.skipIf(!usable)("bento killed outright mid-staging, then a real docker build", () => {
  it(`at ${STAGING_POINTS.length} points: the next build is right and leaves nothing`, async () => {
    const box = await sandbox("bento-kill-stage-docker-");
    const tag = `bento-relia-killstage:docker-${process.pid}`;
    try {
      const dir = await writeEngineBento(box, "many", { model: true });
      await writeFiles(dir, tenThousandFiles());
      const tree = join(box.cache, "contexts", "relia-v1");
      const argv = ["containerize", dir, "--backend", "docker", "-t", tag, "--progress", "quiet"];
      const env = box.env({}, true);
      for (const [index, [point, folders]] of STAGING_POINTS.entries()) {
        rmSync(tree, { recursive: true, force: true });
        await killMidStaging(startCli(argv, { env, cwd: box.work }), tree, folders);
        await writeFiles(dir, { "src/service.py": `EDIT = ${index}\n` });

        const result = await runCli([...argv, "--json"], {
          env,
          cwd: box.work,
          timeoutMs: 300_000,
        });
        expect(result.exitCode, `${point}: ${describeRun(result)}`).toBe(0);
        expect(contextOf(result), point).toBe(tree);
        const sources = [
          { tree: byteTree(dir), at: "" },
          { tree: byteTree(join(box.home, "models/relia_model/m1")), at: "models/relia_model/m1" },
        ];
        expect(stagedMismatch(byteTree(tree), sources), point).toBeUndefined();
        const seen = await runInImage("docker", tag, [
          "sh",
          "-c",
          "cd /home/bentoml/bento/src && find . -type f | wc -l && cat service.py pkg42/m7.py",
        ]);
        expect(seen.stdout, point).toBe(`10001\nEDIT = ${index}\n# 42 7\n`);
        expect(unstable(await box.leftovers()), point).toEqual([]);
      }
    } finally {
      await removeImages("docker", tag).catch(() => {});
      await box.cleanup();
    }
  }, 900_000);
});
