import { spawn } from "node:child_process";
import { existsSync, mkdirSync, utimesSync, writeFileSync } from "node:fs";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { tryLock } from "./lock.js";
import { SPARE_IDLE_MS, sweepSpareTrees } from "./spare-trees.js";
import { stageContext } from "./stage.js";

let parent: string;

beforeEach(async () => {
  parent = await mkdtemp(join(tmpdir(), "bento-spares-"));
});
afterEach(async () => {
  await rm(parent, { recursive: true, force: true });
});

/** A tree `name` holding one file, last used `ageMs` ago. */
function tree(name: string, ageMs: number): string {
  const dir = join(parent, name);
  mkdirSync(join(dir, "src"), { recursive: true });
  writeFileSync(join(dir, "src/service.py"), "v = 1\n");
  const at = new Date(Date.now() - ageMs);
  utimesSync(dir, at, at);
  return dir;
}

/** The pid of a process that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", "0"]);
  await new Promise((resolve) => child.on("close", resolve));
  return child.pid!;
}

const OLD = SPARE_IDLE_MS + 60_000;

describe("sweepSpareTrees", () => {
  it("removes idle spare trees no live build holds, and keeps every other tree", async () => {
    tree("iris-v1", OLD);
    tree("iris-v1~2", OLD);
    tree("iris-v1~3", OLD);
    tree("iris-v1~4", 60_000);
    tree("other-v9~2", OLD);
    tree("dead-v1~2", OLD);
    writeFileSync(join(parent, "dead-v1~2.lock"), `${await deadPid()} 1`);
    writeFileSync(join(parent, "gone-v1~5.lock"), `${await deadPid()} 1`);
    const held = tryLock(join(parent, "iris-v1~3.lock"))!;

    sweepSpareTrees(parent);

    expect((await readdir(parent)).sort()).toEqual([
      "iris-v1",
      "iris-v1~3",
      "iris-v1~3.lock",
      "iris-v1~4",
    ]);
    await held.release();
  });

  it("runs when a build stages (with stale locks), and spares the trees of builds running meanwhile", async () => {
    const bento = join(parent, "bento");
    const store = join(parent, "store");
    mkdirSync(bento);
    mkdirSync(store);
    writeFileSync(join(bento, "bento.yaml"), "name: x\n");
    writeFileSync(join(store, "model.bin"), "m");
    const cacheRoot = join(parent, "cache");
    const stage = () =>
      stageContext({
        bentoDir: bento,
        extras: [{ from: store, to: "models/m/v1" }],
        key: "x-v1",
        cacheRoot,
      });
    const [first, second, third] = await Promise.all([stage(), stage(), stage()]);
    await first!.release();
    await third!.release();
    // Both spares unused for long (as if their builds had ended long ago); `~2` still held.
    const contexts = join(cacheRoot, "contexts");
    const at = new Date(Date.now() - OLD);
    for (const name of ["x-v1~2", "x-v1~3"]) utimesSync(join(contexts, name), at, at);
    // Another bento's lock, left by a build killed outright.
    writeFileSync(join(contexts, "y-v1.lock"), `${await deadPid()} 1`);

    const next = await stage();

    expect(next.dir).toBe(join(contexts, "x-v1"));
    expect(existsSync(second!.dir)).toBe(true);
    expect(existsSync(join(second!.dir, "models/m/v1/model.bin"))).toBe(true);
    expect(existsSync(join(contexts, "x-v1~3"))).toBe(false);
    await Promise.all([second!.release(), next.release()]);
    expect((await readdir(contexts)).sort()).toEqual(["x-v1", "x-v1~2"]);
  });
});
