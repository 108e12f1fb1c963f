import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeBentoArchive } from "../support/bento-archive.js";
import { spec2 } from "../support/bento-files.js";
import { describeRun } from "../support/clean-error.js";
import { startCli } from "../support/cli.js";
import { unstable } from "../support/leftovers.js";
import { waitFor } from "../support/processes.js";
import { sandbox } from "../support/sandbox.js";
import { writeStandIn } from "../support/stand-in.js";
import type { StandInBehaviour } from "../support/stand-in-script.js";

// A bento archive is unpacked into the cache for the build, and that copy is gone however the
// build ends: success, backend failure, Ctrl+C. The archive itself is left as it was.

const ENDINGS: readonly [string, StandInBehaviour, number][] = [
  ["success", {}, 0],
  ["backend failure", { buildExitCode: 1 }, 1],
  ["Ctrl+C", { buildSleepMs: 60_000 }, 130],
];

describe("an unpacked bento archive is removed on every way out", () => {
  it.each(ENDINGS)("%s: exit as expected, no archive-* dir left", async (_, behaviour, exit) => {
    const box = await sandbox("bento-archive-");
    try {
      const docker = await writeStandIn(box.bin, { serverVersion: "20.10.24", ...behaviour });
      const archive = await writeBentoArchive(join(box.work, "relia.bento"), spec2());
      const before = await box.snapshot();
      const run = startCli(["containerize", archive, "--backend", "docker"], {
        env: box.env(),
        cwd: box.work,
      });
      const [build] = await waitFor("the stand-in build", async () => {
        const builds = await docker.builds();
        return builds.length > 0 ? builds : undefined;
      });
      expect(build!.argv.at(-1)).toMatch(new RegExp(`^${box.cache}/archives/archive-[^/]+$`));
      if (exit === 130) run.child.kill("SIGINT");
      const result = await run.result;
      expect(result.exitCode, describeRun(result)).toBe(exit);
      expect(unstable(await box.leftovers())).toEqual([]);
      expect(await box.snapshot()).toEqual(before);
    } finally {
      await box.cleanup();
    }
  });
});
