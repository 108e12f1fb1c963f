import { existsSync, rmSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { tenThousandFiles } from "../support/bento-files.js";
import { byteTree, stagedMismatch } from "../support/byte-tree.js";
import { describeRun } from "../support/clean-error.js";
import { startCli } from "../support/cli.js";
import { unstable } from "../support/leftovers.js";
import { isAlive, waitFor } from "../support/processes.js";
import { sandbox } from "../support/sandbox.js";
import { contextOf, writeStagedBento } from "../support/staged-bento.js";
import { writeStandIn } from "../support/stand-in.js";
import { killMidStaging, STAGING_POINTS } from "./kill-mid-staging.js";

// `bento containerize` killed with SIGKILL (no clean-up can run) while it stages a bento of 10,000
// files, at several points, and while the engine builds: the next run takes the same tree over
// (its lock's process is gone; an engine it left running is stopped first), repairs it to
// exactly the bento's files, builds, and leaves nothing behind, the killed run's image-id
// folder included (core's run-dir test shows secret folders swept the same way).

describe("a build killed outright", () => {
  it(`mid-staging, at ${STAGING_POINTS.length} points: the next run takes the tree over`, async () => {
    const box = await sandbox("bento-kill-stage-");
    try {
      const bento = await writeStagedBento(box, "many", tenThousandFiles());
      const sources = [
        { tree: byteTree(bento.dir), at: "" },
        { tree: byteTree(bento.model.dir), at: bento.model.at },
      ];
      for (const [point, folders] of STAGING_POINTS) {
        rmSync(bento.tree, { recursive: true, force: true });
        const run = startCli(["containerize", bento.dir, "--backend", "docker"], {
          env: box.env(),
          cwd: box.work,
        });
        await killMidStaging(run, bento.tree, folders);
        expect(existsSync(`${bento.tree}.lock`), point).toBe(true);

        expect(contextOf(await bento.build()), point).toBe(bento.tree);
        expect(stagedMismatch(byteTree(bento.tree), sources), point).toBeUndefined();
        expect(unstable(await box.leftovers()), point).toEqual([]);
      }
    } finally {
      await box.cleanup();
    }
  });

  it("mid-build: the next run takes the tree over and the killed run's files are swept", async () => {
    const box = await sandbox("bento-kill-build-");
    try {
      const bento = await writeStagedBento(box);
      const sleeper = await writeStandIn(box.bin, {
        serverVersion: "20.10.24",
        buildSleepMs: 60_000,
      });
      const run = startCli(["containerize", bento.dir, "--backend", "docker"], {
        env: box.env(),
        cwd: box.work,
      });
      const [build] = await waitFor("the stand-in build", async () => {
        const builds = await sleeper.builds();
        return builds.length > 0 ? builds : undefined;
      });
      run.child.kill("SIGKILL");
      await run.result;
      // The engine lives on, orphaned, still reading the tree.
      expect(await isAlive(build!.pid)).toBe(true);
      const left = unstable(await box.leftovers());
      expect(left.some((path) => path.startsWith("cache/run-"))).toBe(true);

      await writeStandIn(box.bin, { serverVersion: "20.10.24" });
      const result = await bento.build();
      expect(result.exitCode, describeRun(result)).toBe(0);
      expect(contextOf(result)).toBe(bento.tree);
      for (const pid of [build!.pid, build!.childPid]) expect(await isAlive(pid)).toBe(false);
      expect(unstable(await box.leftovers())).toEqual([]);
    } finally {
      await box.cleanup();
    }
  });
});
