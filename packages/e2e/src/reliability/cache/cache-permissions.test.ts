import { chmodSync, chownSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { describeRun, unclearError } from "../support/clean-error.js";
import { sandbox } from "../support/sandbox.js";
import { contextOf, writeStagedBento } from "../support/staged-bento.js";
import { writeStandIn } from "../support/stand-in.js";

// The cache directory and every staged tree are private (0700). A cache directory others could
// write to (group- or world-writable, or another user's) is refused before anything runs: one
// clear error with a hint, exit 2, no build, nothing written there.

const mode = (path: string) => statSync(path).mode & 0o777;
const root = process.getuid?.() === 0;

const REFUSED: readonly [string, (dir: string) => void, RegExp][] = [
  ["world-writable", (dir) => chmodSync(dir, 0o777), /is writable by every user \(mode 777\)/],
  ["group-writable", (dir) => chmodSync(dir, 0o770), /is writable by its group \(mode 770\)/],
  ...(root
    ? [
        [
          "foreign-owned",
          (dir: string) => chownSync(dir, 65534, 65534),
          /belongs to another user \(uid 65534/,
        ] satisfies [string, (dir: string) => void, RegExp],
      ]
    : []),
];

describe("the cache directory's permissions", () => {
  it("a missing cache directory is made 0700, and so are its contexts and each staged tree", async () => {
    const box = await sandbox("bento-cache-mode-");
    try {
      rmSync(box.cache, { recursive: true });
      const bento = await writeStagedBento(box);
      expect(contextOf(await bento.build())).toBe(bento.tree);
      expect(mode(box.cache)).toBe(0o700);
      expect(mode(join(box.cache, "contexts"))).toBe(0o700);
      expect(mode(bento.tree)).toBe(0o700);
    } finally {
      await box.cleanup();
    }
  });

  it.each(REFUSED)("a %s cache directory is refused with a hint", async (_, spoil, message) => {
    const box = await sandbox("bento-cache-refused-");
    try {
      const bento = await writeStagedBento(box);
      const docker = await writeStandIn(box.bin, { serverVersion: "20.10.24" });
      spoil(box.cache);
      const result = await bento.build();
      expect(result.exitCode, describeRun(result)).toBe(2);
      expect(unclearError(result.stderr, message), describeRun(result)).toBeUndefined();
      expect(result.stderr).toMatch(
        /swap files into your build contexts.*(chmod 700|a directory of your own)/s,
      );
      expect(await docker.builds()).toEqual([]);
      expect(await box.leftovers()).toEqual([]);
    } finally {
      chmodSync(box.cache, 0o700);
      await box.cleanup();
    }
  });
});
