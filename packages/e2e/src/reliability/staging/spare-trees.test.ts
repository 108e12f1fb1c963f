import { existsSync, utimesSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { byteTree, stagedMismatch } from "../support/byte-tree.js";
import { describeRun } from "../support/clean-error.js";
import { startCli } from "../support/cli.js";
import { unstable } from "../support/leftovers.js";
import { waitFor } from "../support/processes.js";
import { sandbox } from "../support/sandbox.js";
import { contextOf, writeStagedBento } from "../support/staged-bento.js";
import { writeStandIn } from "../support/stand-in.js";

// Three builds of one bento at once: the second and third stage spare trees (`relia-v1~2`,
// `~3`). A spare tree left unused for over an hour is swept by the next build; one a build
// still holds is not, however old it looks, and keeps exactly the bento's files meanwhile.

const HOURS_AGO = new Date(Date.now() - 2 * 3600_000);

describe("spare staged trees", () => {
  it("are swept when idle and kept while a build holds them", async () => {
    const box = await sandbox("bento-spares-");
    try {
      const bento = await writeStagedBento(box);
      const spares = [`${bento.tree}~2`, `${bento.tree}~3`];
      const sources = [
        { tree: byteTree(bento.dir), at: "" },
        { tree: byteTree(bento.model.dir), at: bento.model.at },
      ];
      const sleeper = await writeStandIn(box.bin, {
        serverVersion: "20.10.24",
        buildSleepMs: 8_000,
      });
      const argv = ["containerize", bento.dir, "--backend", "docker", "--json"];
      const runs = [];
      for (const n of [1, 2, 3]) {
        runs.push(startCli(argv, { env: box.env(), cwd: box.work }));
        await waitFor(`build ${n} in its engine`, async () =>
          (await sleeper.builds()).length === n ? true : undefined,
        );
        // Build 2 holds `~2` in its engine: it looks idle for hours when build 3 stages.
        if (n === 2) utimesSync(spares[0]!, HOURS_AGO, HOURS_AGO);
      }
      expect(stagedMismatch(byteTree(spares[0]!), sources)).toBeUndefined();
      const results = await Promise.all(runs.map((run) => run.result));
      expect(results.map(contextOf)).toEqual([bento.tree, ...spares]);

      await writeStandIn(box.bin, { serverVersion: "20.10.24" });
      for (const spare of spares) utimesSync(spare, HOURS_AGO, HOURS_AGO);
      const next = await bento.build();
      expect(next.exitCode, describeRun(next)).toBe(0);
      expect(contextOf(next)).toBe(bento.tree);
      for (const spare of spares) {
        expect(existsSync(spare)).toBe(false);
        expect(existsSync(`${spare}.lock`)).toBe(false);
      }
      expect(unstable(await box.leftovers())).toEqual([]);
    } finally {
      await box.cleanup();
    }
  });
});
