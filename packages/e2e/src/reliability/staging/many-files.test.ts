import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tenThousandFiles, writeFiles } from "../support/bento-files.js";
import { byteTree, stagedMismatch } from "../support/byte-tree.js";
import { unstable } from "../support/leftovers.js";
import { sandbox } from "../support/sandbox.js";
import { contextOf, writeStagedBento } from "../support/staged-bento.js";

// A bento of 10,000 files in 100 folders: staged as hard links, then re-staged after 1,000 files
// are removed, 10 rewritten and a folder added: the tree is exactly the bento again.

describe("a bento of 10,000 files", () => {
  it("is staged exactly, and again after many changes", async () => {
    const box = await sandbox("bento-many-");
    try {
      const bento = await writeStagedBento(box, "many", tenThousandFiles());
      const sources = () => [
        { tree: byteTree(bento.dir), at: "" },
        { tree: byteTree(bento.model.dir), at: bento.model.at },
      ];
      expect(contextOf(await bento.build())).toBe(bento.tree);
      expect(byteTree(bento.tree).size).toBeGreaterThan(10_100);
      expect(stagedMismatch(byteTree(bento.tree), sources())).toBeUndefined();

      for (let d = 0; d < 10; d++) rmSync(join(bento.dir, `src/pkg${d}`), { recursive: true });
      for (let f = 0; f < 10; f++) {
        const path = join(bento.dir, `src/pkg50/m${f}.py`);
        rmSync(path);
        writeFileSync(path, `# rewritten ${f}\n`);
      }
      await writeFiles(bento.dir, { "src/added/new.py": "NEW = 1\n" });
      expect(contextOf(await bento.build())).toBe(bento.tree);
      expect(stagedMismatch(byteTree(bento.tree), sources())).toBeUndefined();
      expect(unstable(await box.leftovers())).toEqual([]);
    } finally {
      await box.cleanup();
    }
  });
});
