import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { byteTree, stagedMismatch } from "../support/byte-tree.js";
import { unstable } from "../support/leftovers.js";
import { sandbox } from "../support/sandbox.js";
import { contextOf, writeStagedBento } from "../support/staged-bento.js";

// A staged tree left damaged (by a crash, a tool or a hand) and a lock left by a build that is
// gone: the next build takes the same tree, repairs it to exactly the bento's files, writes
// nothing through a symlink planted in it, and leaves no lock.

/** A pid no process has: one that just exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], {
    encoding: "utf8",
  });
  return Number(child.stdout);
}

const DAMAGE: readonly [string, (tree: string, outside: string) => void][] = [
  [
    "stray files and folders",
    (tree) => {
      writeFileSync(join(tree, "stray.txt"), "x");
      mkdirSync(join(tree, "src/stray/deeper"), { recursive: true });
      writeFileSync(join(tree, "src/stray/deeper/f"), "x");
    },
  ],
  [
    "a file replaced by a folder",
    (tree) => {
      rmSync(join(tree, "src/service.py"));
      mkdirSync(join(tree, "src/service.py/inner"), { recursive: true });
    },
  ],
  [
    "a folder replaced by a file",
    (tree) => {
      rmSync(join(tree, "env/python"), { recursive: true });
      writeFileSync(join(tree, "env/python"), "a file now");
    },
  ],
  [
    "a folder replaced by a symlink out of the tree",
    (tree, outside) => {
      rmSync(join(tree, "env/docker"), { recursive: true });
      symlinkSync(outside, join(tree, "env/docker"));
      rmSync(join(tree, "models"), { recursive: true });
      symlinkSync(outside, join(tree, "models"));
    },
  ],
  [
    "folders without permissions",
    (tree) => {
      chmodSync(join(tree, "models/relia_model"), 0o000);
      chmodSync(join(tree, "src"), 0o000);
    },
  ],
  [
    "half the files unlinked",
    (tree) => {
      rmSync(join(tree, "src/service.py"));
      rmSync(join(tree, "env/python/requirements.txt"));
      rmSync(join(tree, "models/relia_model/m1/saved_model.pkl"));
    },
  ],
  ["a lock of a process that is gone", (tree) => writeFileSync(`${tree}.lock`, String(deadPid()))],
  [
    "a lock of a reused pid (its start time differs)",
    (tree) => writeFileSync(`${tree}.lock`, `${process.pid} 1`),
  ],
  [
    "an empty lock file a killed build left long ago",
    (tree) => {
      writeFileSync(`${tree}.lock`, "");
      const old = new Date(Date.now() - 60_000);
      spawnSync("touch", ["-d", old.toISOString(), `${tree}.lock`]);
    },
  ],
];

describe("a damaged staged tree", () => {
  it.each(DAMAGE)("%s: repaired in place, nothing outside touched", async (_, damage) => {
    const box = await sandbox("bento-damage-");
    try {
      const bento = await writeStagedBento(box);
      const outside = join(box.root, "outside");
      mkdirSync(outside);
      writeFileSync(join(outside, "keep.txt"), "keep\n");
      const sources = [
        { tree: byteTree(bento.dir), at: "" },
        { tree: byteTree(bento.model.dir), at: bento.model.at },
      ];
      expect(contextOf(await bento.build())).toBe(bento.tree);
      damage(bento.tree, outside);
      expect(contextOf(await bento.build())).toBe(bento.tree);
      expect(stagedMismatch(byteTree(bento.tree), sources)).toBeUndefined();
      const mode = (path: string) => statSync(path).mode & 0o777;
      expect(mode(join(bento.tree, "src"))).toBe(mode(join(bento.dir, "src")));
      expect(mode(join(bento.tree, "models/relia_model"))).toBe(0o755);
      expect(statSync(bento.tree).mode & 0o777).toBe(0o700);
      expect(byteTree(outside)).toEqual(new Map([["keep.txt", expect.anything()]]));
      expect(unstable(await box.leftovers())).toEqual([]);
    } finally {
      await box.cleanup();
    }
  });
});
