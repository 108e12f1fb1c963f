import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { exec, removeImages, requireEngine } from "@bento/test-support";
import { describe, expect, it } from "vitest";
import { describeRun } from "../support/clean-error.js";
import { runCli } from "../support/cli.js";
import { writeEngineBento } from "../support/engine-bento.js";
import { unstable } from "../support/leftovers.js";
import { sandbox } from "../support/sandbox.js";

// Four `bento containerize` runs of the same bento at once, other tags: all succeed with their
// image and tags, each in a staged tree of its own (held until its engine exits), and leave
// no lock behind.

const usable = await requireEngine("docker");
const RUNS = 4;

interface JsonResult {
  imageId: string | null;
  tags: string[];
  /** The backend's argv; its last element is the build context. */
  argv: string[];
}

describe.skipIf(!usable)("concurrent builds of one bento", () => {
  it(`${RUNS} runs at once all build and tag, each from a tree no other running build uses`, async () => {
    const box = await sandbox("bento-conc-");
    const tags = Array.from({ length: RUNS }, (_, i) => `bento-relia-conc:${i + 1}-${process.pid}`);
    try {
      const dir = await writeEngineBento(box, "shared", { model: true });
      const before = await box.snapshot();
      const results = await Promise.all(
        tags.map((tag) =>
          runCli(["containerize", dir, "--backend", "docker", "-t", tag, "--json"], {
            env: box.env({}, true),
            cwd: box.work,
            timeoutMs: 300_000,
          }),
        ),
      );
      for (const [i, result] of results.entries()) {
        expect(result.exitCode, describeRun(result)).toBe(0);
        const json = JSON.parse(result.stdout) as JsonResult;
        expect(json.tags).toEqual([tags[i]]);
        expect(json.imageId).toMatch(/^sha256:[0-9a-f]{64}$/);
        const inspect = await exec(["docker", "image", "inspect", "--format", "{{.Id}}", tags[i]!]);
        expect(inspect.stdout.trim()).toBe(json.imageId);
      }
      const trees = results.map((result) => (JSON.parse(result.stdout) as JsonResult).argv.at(-1));
      // Builds that overlap never share a tree; one that starts after another ended reuses it.
      const names = ["relia-v1", "relia-v1~2", "relia-v1~3", "relia-v1~4"];
      const used = [...new Set(trees)].sort();
      expect(used).toEqual(names.slice(0, used.length).map((n) => join(box.cache, "contexts", n)));
      expect((await readdir(join(box.cache, "contexts"))).sort()).toEqual(
        names.slice(0, used.length),
      );
      expect(unstable(await box.leftovers())).toEqual([]);
      // The context's files are hard links to the bento's and the model store's: untouched.
      expect(await box.snapshot()).toEqual(before);
    } finally {
      await removeImages("docker", ...tags);
      await box.cleanup();
    }
  });
});
