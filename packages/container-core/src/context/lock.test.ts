import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { noteEngine, stopOrphanedEngines, sweepStaleLocks, tryLock } from "./lock.js";

let dir: string;
let engine: ChildProcess | undefined;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "bento-lock-"));
});
afterEach(async () => {
  if (engine?.exitCode === null && engine.signalCode === null) engine.kill("SIGKILL");
  await rm(dir, { recursive: true, force: true });
});

/** A detached `sleep` (its own process group), as a build's engine is started. */
function startEngine(): ChildProcess {
  engine = spawn("sleep", ["60"], { detached: true, stdio: "ignore" });
  return engine;
}

function ended(child: ChildProcess): Promise<NodeJS.Signals | null> {
  return new Promise((resolve) => child.once("exit", (_code, signal) => resolve(signal)));
}

/** The pid of a process that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", "0"]);
  await new Promise((resolve) => child.on("close", resolve));
  return child.pid!;
}

describe("a lock whose holder left its engine running", () => {
  it("notes each engine started in the locks the process holds", async () => {
    const path = join(dir, "tree.lock");
    const lock = tryLock(path)!;
    const child = startEngine();
    noteEngine(child.pid!);
    const lines = readFileSync(path, "utf8").split("\n");
    expect(lines[0]).toMatch(new RegExp(`^${process.pid} \\d+$`));
    expect(lines[1]).toMatch(new RegExp(`^engine ${child.pid} \\d+$`));
    // Held by a live process: nothing is stopped.
    expect(await stopOrphanedEngines(path)).toBe(false);
    expect(child.exitCode).toBeNull();
    await lock.release();
  });

  it("stays held while the engine runs, and is taken over once it is stopped", async () => {
    const path = join(dir, "tree.lock");
    const child = startEngine();
    const exit = ended(child);
    writeFileSync(path, `${await deadPid()} 1\nengine ${child.pid} `);

    expect(tryLock(path)).toBeUndefined();
    expect(await stopOrphanedEngines(path)).toBe(true);
    // Asked to stop first (SIGTERM), as an interrupted build asks its engine.
    expect(await exit).toBe("SIGTERM");
    const lock = tryLock(path);
    expect(lock).toBeDefined();
    expect(readFileSync(path, "utf8")).toMatch(new RegExp(`^${process.pid} \\d+$`));
    await lock!.release();
  });

  it("is taken over at once when its engine has ended too", async () => {
    const path = join(dir, "tree.lock");
    writeFileSync(path, `${await deadPid()} 1\nengine ${await deadPid()} 1`);
    expect(await stopOrphanedEngines(path)).toBe(false);
    const lock = tryLock(path);
    expect(lock).toBeDefined();
    await lock!.release();
  });

  it("is swept with the other stale locks of a folder, live ones kept", async () => {
    writeFileSync(join(dir, "dead.lock"), `${await deadPid()} 1`);
    writeFileSync(
      join(dir, "dead-engine.lock"),
      `${await deadPid()} 1\nengine ${await deadPid()} 1`,
    );
    const child = startEngine();
    writeFileSync(join(dir, "orphan.lock"), `${await deadPid()} 1\nengine ${child.pid} `);
    const live = tryLock(join(dir, "live.lock"))!;
    writeFileSync(join(dir, "model.bin"), "not a lock");

    sweepStaleLocks(dir);

    expect(readdirSync(dir).sort()).toEqual(["live.lock", "model.bin", "orphan.lock"]);
    await live.release();
  });
});
