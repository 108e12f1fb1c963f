import { chmodSync, chownSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { exec } from "@bento/test-support";
import { describe, expect, it } from "vitest";
import { byteTree, stagedMismatch } from "../support/byte-tree.js";
import { BENTO_BIN } from "../support/cli.js";
import { unstable } from "../support/leftovers.js";
import { sandbox } from "../support/sandbox.js";
import { writeStagedBento } from "../support/staged-bento.js";

// A user building a bento and a model store that belong to someone else and that it may only
// read (both read-only to it): with fs.protected_hardlinks=1 the kernel refuses links to another
// user's files, so staging copies them and says why, once; the bento and store are untouched.
// Runs as a system user made here (useradd), so it needs root.

const USER = "bento-relia";
const root = process.getuid?.() === 0;
const protectedLinks = (() => {
  try {
    return readFileSync("/proc/sys/fs/protected_hardlinks", "utf8").trim() === "1";
  } catch {
    return false;
  }
})();

async function testUser(): Promise<{ uid: number; gid: number }> {
  const id = async (flag: string) => (await exec(["id", flag, USER])).stdout.trim();
  if ((await exec(["id", "-u", USER])).exitCode !== 0) {
    const made = await exec([
      "useradd",
      "--system",
      "--no-create-home",
      "--shell",
      "/usr/sbin/nologin",
      USER,
    ]);
    if (made.exitCode !== 0 && (await exec(["id", "-u", USER])).exitCode !== 0)
      throw new Error(`useradd failed: ${made.stderr}`);
  }
  return { uid: Number(await id("-u")), gid: Number(await id("-g")) };
}

describe.skipIf(!root || !protectedLinks)("a read-only bento and store of another user", () => {
  it("are staged as copies, said once, and left untouched", async () => {
    const box = await sandbox("bento-foreign-");
    try {
      const { uid, gid } = await testUser();
      const bento = await writeStagedBento(box);
      chmodSync(box.root, 0o755);
      for (const dir of [box.cache, box.tmp]) chownSync(dir, uid, gid);
      chownSync(join(box.bin, "docker.calls.jsonl"), uid, gid);
      await exec(["chmod", "-R", "a-w", box.work, box.home]);
      const sources = [
        { tree: byteTree(bento.dir), at: "" },
        { tree: byteTree(bento.model.dir), at: bento.model.at },
      ];
      const argv = ["containerize", bento.dir, "--backend", "docker", "--json"];
      const result = await exec(
        [
          "/usr/bin/setpriv",
          `--reuid=${uid}`,
          `--regid=${gid}`,
          "--clear-groups",
          process.execPath,
          BENTO_BIN,
          ...argv,
        ],
        { env: box.env(), cwd: box.work, timeoutMs: 120_000 },
      );
      expect(result.exitCode, result.stderr).toBe(0);
      const json = JSON.parse(result.stdout) as { warnings: string[]; argv: string[] };
      expect(json.argv.at(-1)).toBe(bento.tree);
      const refused =
        /holds copies .* the system refused to link files of another user \(fs\.protected_hardlinks\)/;
      expect(json.warnings.filter((w) => refused.test(w))).toHaveLength(1);
      const staged = byteTree(bento.tree);
      expect(stagedMismatch(staged, sources, true)).toBeUndefined();
      expect(staged.get("src/service.py")?.inode).not.toBe(
        sources[0]!.tree.get("src/service.py")?.inode,
      );
      expect(byteTree(bento.dir)).toEqual(sources[0]!.tree);
      expect(byteTree(bento.model.dir)).toEqual(sources[1]!.tree);
      expect(unstable(await box.leftovers())).toEqual([]);
    } finally {
      await exec(["chmod", "-R", "u+w", box.work, box.home]);
      await box.cleanup();
    }
  });
});
