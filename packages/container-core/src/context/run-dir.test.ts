import { spawnSync } from "node:child_process";
import { mkdir, mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeRunDir } from "./run-dir.js";

let parent: string;
beforeEach(async () => {
  parent = await mkdtemp(join(tmpdir(), "bento-run-dir-"));
});
afterEach(async () => {
  await rm(parent, { recursive: true, force: true });
});

function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], {
    encoding: "utf8",
  });
  return Number(child.stdout);
}

describe("makeRunDir", () => {
  it("makes a private folder named for this process, sweeping those of processes that are gone", async () => {
    const dead = `bento-secrets-${deadPid()}-abc123`;
    const live = `bento-secrets-${process.ppid}-def456`;
    await mkdir(join(parent, dead, "inner"), { recursive: true });
    await mkdir(join(parent, live));
    await mkdir(join(parent, "run-1-other-prefix"));
    const dir = await makeRunDir(parent, "bento-secrets-");
    expect(dir.startsWith(join(parent, `bento-secrets-${process.pid}-`))).toBe(true);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    expect((await readdir(parent)).sort()).toEqual(
      [live, "run-1-other-prefix", dir.slice(parent.length + 1)].sort(),
    );
  });
});
