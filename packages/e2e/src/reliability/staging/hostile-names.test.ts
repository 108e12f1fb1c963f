import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { byteTree, stagedMismatch } from "../support/byte-tree.js";
import { unstable } from "../support/leftovers.js";
import { sandbox } from "../support/sandbox.js";
import { contextOf, writeStagedBento } from "../support/staged-bento.js";

// File names any filesystem allows (spaces, quotes, a newline, bytes that are not UTF-8, 255
// bytes) and symlinks of every kind (inside the bento, out of it, dangling, to a folder out of
// it): staged byte for byte, files as hard links, symlinks as links, nothing outside touched.

const NAMES: readonly Buffer[] = [
  Buffer.from("with space.py"),
  Buffer.from(`quo"te's \`x\`.py`),
  Buffer.from("new\nline.py"),
  Buffer.from([0x6e, 0x6f, 0x74, 0xff, 0xfe, 0x75, 0x74, 0x66, 0x2e, 0x70, 0x79]),
  Buffer.from("x".repeat(255)),
  Buffer.from("ünïcödé-名前.py"),
  Buffer.from("-leading-dash"),
];

function at(dir: string, ...parts: Buffer[]): Buffer {
  return Buffer.concat([Buffer.from(dir), ...parts.flatMap((part) => [Buffer.from("/"), part])]);
}

describe("hostile file names and symlinks in a bento", () => {
  it("are staged exactly, and no link is followed out of the bento", async () => {
    const box = await sandbox("bento-names-");
    try {
      const bento = await writeStagedBento(box);
      const outside = join(box.root, "outside");
      mkdirSync(outside);
      writeFileSync(join(outside, "secret.txt"), "not for the image\n");
      const odd = at(bento.dir, Buffer.from("src"), Buffer.from("odd"));
      mkdirSync(odd);
      for (const name of NAMES) {
        writeFileSync(at(bento.dir, Buffer.from("src/odd"), name), name);
        mkdirSync(
          at(
            bento.dir,
            Buffer.from("src/odd"),
            Buffer.concat([name.subarray(0, 200), Buffer.from(".d")]),
          ),
        );
        writeFileSync(
          at(
            bento.dir,
            Buffer.from("src/odd"),
            Buffer.concat([name.subarray(0, 200), Buffer.from(".d")]),
            name,
          ),
          "in a folder\n",
        );
      }
      symlinkSync("../service.py", join(bento.dir, "src/odd/inside-link.py"));
      symlinkSync(join(outside, "secret.txt"), join(bento.dir, "src/odd/out-file"));
      symlinkSync(outside, join(bento.dir, "src/odd/out-dir"));
      symlinkSync("../../../../nowhere", join(bento.dir, "src/odd/dangling"));
      symlinkSync(
        Buffer.from([0x74, 0xff, 0x0a, 0x2e]),
        at(bento.dir, Buffer.from("src/odd/odd-target")),
      );
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
