import { join } from "node:path";
import { removeImages, requireEngine, runInImage } from "@bento/test-support";
import { describe, expect, it } from "vitest";
import { byteTree } from "../support/byte-tree.js";
import { describeRun } from "../support/clean-error.js";
import { runCli } from "../support/cli.js";
import { writeEngineBento } from "../support/engine-bento.js";
import { writeHostileFiles } from "../support/hostile-files.js";
import { comparable, imageTree } from "../support/image-tree.js";
import { unstable } from "../support/leftovers.js";
import { sandbox } from "../support/sandbox.js";

// The hostile names and symlinks of hostile-names.test.ts, built into a real image: the files
// under the image's `src/odd/` are exactly the bento's (names byte for byte, sizes, symlinks
// kept as links with their exact text), and no symlink was followed out of the bento (the file
// it points at is nowhere in the image's bento).

const ENGINES = ["docker", "podman"] as const;
const usable = {
  docker: await requireEngine("docker"),
  podman: await requireEngine("podman"),
};
const IN_IMAGE = "/home/bentoml/bento";

describe.each(ENGINES)("hostile file names and symlinks in an image (%s)", (engine) => {
  it.skipIf(!usable[engine])(
    "are in the image exactly as in the bento, links never followed",
    async () => {
      const box = await sandbox(`bento-names-${engine}-`);
      const tag = `bento-relia-names:${engine}-${process.pid}`;
      try {
        const dir = await writeEngineBento(box, "names", { model: true });
        writeHostileFiles(dir, join(box.root, "outside"));
        const want = comparable(byteTree(join(dir, "src/odd")));

        const result = await runCli(
          ["containerize", dir, "--backend", engine, "-t", tag, "--progress", "quiet"],
          { env: box.env({}, true), cwd: box.work, timeoutMs: 300_000 },
        );
        expect(result.exitCode, describeRun(result)).toBe(0);

        const got = await imageTree(engine, tag, `${IN_IMAGE}/src/odd`);
        expect(got.size).toBe(want.size);
        expect(got).toEqual(want);
        expect(got.get("out-dir")?.type).toBe("symlink");
        const leaked = await runInImage(engine, tag, [
          "sh",
          "-c",
          `grep -rl "not for the image" ${IN_IMAGE} || true`,
        ]);
        expect(leaked.stdout).toBe("");
        expect(unstable(await box.leftovers())).toEqual([]);
      } finally {
        await removeImages(engine, tag).catch(() => {});
        await box.cleanup();
      }
    },
    600_000,
  );
});
