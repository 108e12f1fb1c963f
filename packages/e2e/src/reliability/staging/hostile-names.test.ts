import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { byteTree, stagedMismatch } from "../support/byte-tree.js";
import { writeHostileFiles } from "../support/hostile-files.js";
import { unstable } from "../support/leftovers.js";
import { sandbox } from "../support/sandbox.js";
import { contextOf, writeStagedBento } from "../support/staged-bento.js";

// File names any filesystem allows (spaces, quotes, a newline, bytes that are not UTF-8, 255
// bytes) and symlinks of every kind (inside the bento, out of it, dangling, to a folder out of
// it): staged byte for byte, files as hard links, symlinks as links, nothing outside touched.

describe("hostile file names and symlinks in a bento", () => {
  it("are staged exactly, and no link is followed out of the bento", async () => {
    const box = await sandbox("bento-names-");
    try {
      const bento = await writeStagedBento(box);
      const outside = join(box.root, "outside");
      writeHostileFiles(bento.dir, outside);
      const sources = [
        { tree: byteTree(bento.dir), at: "" },
        { tree: byteTree(bento.model.dir), at: bento.model.at },
      ];
      const outsideBefore = byteTree(outside);

      const result = await bento.build();
      expect(contextOf(result)).toBe(bento.tree);
      const staged = byteTree(bento.tree);
      expect(stagedMismatch(staged, sources)).toBeUndefined();
      expect(staged.get("src/odd/out-dir")?.type).toBe("symlink");
      expect([...staged.keys()].some((rel) => rel.includes("secret.txt"))).toBe(false);
      expect(byteTree(outside)).toEqual(outsideBefore);
      expect(byteTree(bento.dir)).toEqual(sources[0]!.tree);
      expect(unstable(await box.leftovers())).toEqual([]);
    } finally {
      await box.cleanup();
    }
  });
});
