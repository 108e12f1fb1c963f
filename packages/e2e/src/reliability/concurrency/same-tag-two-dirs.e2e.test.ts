import { exec, removeImages, requireEngine, runInImage } from "@bento/test-support";
import { describe, expect, it } from "vitest";
import { writeFiles } from "../support/bento-files.js";
import { describeRun } from "../support/clean-error.js";
import { runCli } from "../support/cli.js";
import { writeEngineBento } from "../support/engine-bento.js";
import { unstable } from "../support/leftovers.js";
import { sandbox } from "../support/sandbox.js";

// Two copies of one bento tag (relia:v1, with a store model so the context is staged) whose
// src/ differ, built four at a time (two from each copy), twice: every image must hold the
// sources of the copy it was built from. Before per-build context trees, the runs shared
// one staged tree that the next run relinked while the engine still read it.

const usable = await requireEngine("docker");
const ROUNDS = 2;
const PER_DIR = 2;

describe.skipIf(!usable)("concurrent builds of one tag from two directories", () => {
  it(`${ROUNDS} rounds of ${PER_DIR * 2} builds each get their own directory's sources`, async () => {
    const box = await sandbox("bento-conc2-");
    const tags: string[] = [];
    try {
      const dirs = [];
      for (const variant of ["a", "b"]) {
        const dir = await writeEngineBento(box, `copy-${variant}`, { model: true });
        // Many files make the window in which a shared tree is relinked wide.
        const files: Record<string, string> = { "src/service.py": `VARIANT = "${variant}"\n` };
        for (let i = 0; i < 300; i++) files[`src/pkg/m${i}.py`] = `# ${variant} ${i}\n`;
        await writeFiles(dir, files);
        dirs.push({ dir, variant });
      }
      for (let round = 0; round < ROUNDS; round++) {
        const runs = dirs.flatMap(({ dir, variant }) =>
          Array.from({ length: PER_DIR }, (_, i) => ({
            dir,
            variant,
            tag: `bento-relia-conc2:${variant}${round}${i}-${process.pid}`,
          })),
        );
        tags.push(...runs.map((run) => run.tag));
        const results = await Promise.all(
          runs.map((run) =>
            runCli(["containerize", run.dir, "--backend", "docker", "-t", run.tag, "--json"], {
              env: box.env({}, true),
              cwd: box.work,
              timeoutMs: 300_000,
            }),
          ),
        );
        for (const [i, result] of results.entries()) {
          expect(result.exitCode, describeRun(result)).toBe(0);
          const { tag, variant } = runs[i]!;
          const seen = await runInImage("docker", tag, [
            "sh",
            "-c",
            "cat /home/bentoml/bento/src/service.py; cat /home/bentoml/bento/src/pkg/m7.py",
          ]);
          expect(seen.stdout, `${tag} holds the other copy's sources`).toBe(
            `VARIANT = "${variant}"\n# ${variant} 7\n`,
          );
        }
        expect(unstable(await box.leftovers())).toEqual([]);
      }
      // Each copy's images are its own: no image id is shared between the two copies. (Two
      // concurrent builds of one copy may differ in id: dockerd 20.10 pins no timestamps.)
      const ids = await exec(["docker", "image", "inspect", "--format", "{{.Id}}", ...tags]);
      const idsOf = (variant: string) =>
        new Set(
          ids.stdout
            .trim()
            .split("\n")
            .filter((_, i) => tags[i]!.includes(`:${variant}`)),
        );
      const shared = [...idsOf("a")].filter((id) => idsOf("b").has(id));
      expect(shared).toEqual([]);
    } finally {
      await removeImages("docker", ...tags);
      await box.cleanup();
    }
  });
});
