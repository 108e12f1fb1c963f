import { existsSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { exec } from "@bento/test-support";
import { describe, expect, it } from "vitest";
import { spec2, writeBento } from "../support/bento-files.js";
import { describeRun, unclearError } from "../support/clean-error.js";
import { runCli } from "../support/cli.js";
import { unstable } from "../support/leftovers.js";
import { sandbox } from "../support/sandbox.js";
import { contextOf, writeStagedBento } from "../support/staged-bento.js";
import { writeStandIn } from "../support/stand-in.js";

// A full disk (a small tmpfs mounted as the cache directory or TMPDIR; needs root) while staging,
// writing the Containerfile and writing a build secret: one clear error, exit 2, nothing
// half-written left; after space is freed the next run is right. A cache on another filesystem
// than the store holds copies, which the run says once, also in `--json` warnings.

const root = process.getuid?.() === 0;

async function mountTmpfs(dir: string, size: string): Promise<void> {
  const result = await exec(["mount", "-t", "tmpfs", "-o", `size=${size},mode=0700`, "tmpfs", dir]);
  if (result.exitCode !== 0) throw new Error(`mount failed: ${result.stderr}`);
}

async function unmount(dir: string): Promise<void> {
  await exec(["umount", dir]);
}

/** Fills the filesystem of `dir` with one file; returns its path. */
function fill(dir: string): string {
  const path = join(dir, "filler");
  const chunk = Buffer.alloc(4096, 1);
  const parts: Buffer[] = [];
  for (let i = 0; i < 4096; i++) parts.push(chunk);
  try {
    writeFileSync(path, Buffer.concat(parts));
  } catch {
    // ENOSPC: the filler took what there was.
  }
  return path;
}

const COPY_WARNING =
  /holds copies of the bento's and models' files, not hard links: the cache directory is on another filesystem/;

async function withMount<T>(dir: string, size: string, fn: () => Promise<T>) {
  await mountTmpfs(dir, size);
  try {
    return await fn();
  } finally {
    await unmount(dir);
  }
}

describe.skipIf(!root)("a full disk", () => {
  it("while staging: a clear error and no tree; with room, a copy said once", async () => {
    const box = await sandbox("bento-full-stage-");
    try {
      const bento = await writeStagedBento(box);
      writeFileSync(join(bento.model.dir, "weights.bin"), Buffer.alloc(2 * 1024 * 1024, 7));
      await withMount(box.cache, "1m", async () => {
        const result = await bento.build();
        expect(result.exitCode, describeRun(result)).toBe(2);
        const message =
          /Could not stage the build context in .*relia-v1: the cache directory's filesystem is full \(ENOSPC\)/;
        expect(unclearError(result.stderr, message), describeRun(result)).toBeUndefined();
        expect(existsSync(bento.tree)).toBe(false);
        expect(unstable(await box.leftovers())).toEqual([]);
      });
      await withMount(box.cache, "16m", async () => {
        const json = await bento.build();
        expect(contextOf(json)).toBe(bento.tree);
        const { warnings } = JSON.parse(json.stdout) as { warnings: string[] };
        expect(warnings.filter((w) => COPY_WARNING.test(w))).toHaveLength(1);
        const plain = await runCli(["containerize", bento.dir, "--backend", "docker"], {
          env: box.env(),
          cwd: box.work,
        });
        expect(plain.exitCode, describeRun(plain)).toBe(0);
        expect(plain.stderr.split(COPY_WARNING).length - 1).toBe(1);
        expect(unstable(await box.leftovers())).toEqual([]);
      });
    } finally {
      await box.cleanup();
    }
  });

  it("while writing the Containerfile: a clear error, no half-written file; then right", async () => {
    const box = await sandbox("bento-full-cf-");
    try {
      await writeStandIn(box.bin, { serverVersion: "20.10.24" });
      const dir = await writeBento(join(box.work, "plain"), spec2());
      const build = () =>
        runCli(["containerize", dir, "--backend", "docker"], { env: box.env(), cwd: box.work });
      await withMount(box.cache, "64k", async () => {
        const filler = fill(box.cache);
        const result = await build();
        expect(result.exitCode, describeRun(result)).toBe(2);
        const message =
          /Could not write .*\.Dockerfile: the cache directory's filesystem is full \(ENOSPC\)/;
        expect(unclearError(result.stderr, message), describeRun(result)).toBeUndefined();
        expect(unstable(await box.leftovers()).filter((p) => p !== "cache/filler")).toEqual([]);
        rmSync(filler);
        const again = await build();
        expect(again.exitCode, describeRun(again)).toBe(0);
        expect(
          readdirSync(join(box.cache, "containerfiles")).some((n) => n.endsWith(".Dockerfile")),
        ).toBe(true);
        expect(unstable(await box.leftovers())).toEqual([]);
      });
    } finally {
      await box.cleanup();
    }
  });

  it("while writing a build secret: a clear error, no secret file left; then right", async () => {
    const box = await sandbox("bento-full-secret-");
    try {
      await writeStandIn(box.bin, { serverVersion: "20.10.24" });
      const envs = [{ name: "RELIA_TOKEN", stage: "build" }];
      const dir = await writeBento(join(box.work, "secret"), spec2({}, { envs }));
      const build = () =>
        runCli(["containerize", dir, "--backend", "docker"], {
          env: box.env({ RELIA_TOKEN: "x".repeat(8192) }),
          cwd: box.work,
        });
      await withMount(box.tmp, "64k", async () => {
        const filler = fill(box.tmp);
        const result = await build();
        expect(result.exitCode, describeRun(result)).toBe(2);
        const message =
          /Could not write the build secrets to .*: its filesystem is full \(ENOSPC\)/;
        expect(unclearError(result.stderr, message), describeRun(result)).toBeUndefined();
        expect(readdirSync(box.tmp)).toEqual(["filler"]);
        rmSync(filler);
        const again = await build();
        expect(again.exitCode, describeRun(again)).toBe(0);
        expect(readdirSync(box.tmp)).toEqual([]);
      });
    } finally {
      await box.cleanup();
    }
  });
});
