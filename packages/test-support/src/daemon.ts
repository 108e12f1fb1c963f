import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { tempDir } from "@bento/backend-testing";

/** A daemon a test started in a private directory, stopped (and the directory removed) by `stop`. */
export interface TestDaemon {
  /** The private directory: state, sockets, config, `daemon.log`. */
  dir: string;
  stop(): Promise<void>;
}

/** How to start one daemon and tell it is ready. */
export interface DaemonSpec {
  /** A prefix for the private directory. */
  name: string;
  /** The command, given the private directory. */
  argv(dir: string): readonly string[];
  /** Files to write into the directory first. */
  files?(dir: string): Promise<void>;
  /** Resolves true once the daemon answers. */
  ready(dir: string): Promise<boolean>;
  timeoutMs?: number;
}

/** Starts a daemon for a test and waits until it answers; rejects with its log's tail otherwise. */
export async function startDaemon(spec: DaemonSpec): Promise<TestDaemon> {
  const dir = await tempDir(`bento-e2e-${spec.name}-`);
  await spec.files?.(dir.path);
  const log = createWriteStream(join(dir.path, "daemon.log"));
  const [binary, ...args] = spec.argv(dir.path);
  const child = spawn(binary!, args, { stdio: ["ignore", "pipe", "pipe"] });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const stop = async () => {
    await stopChild(child);
    log.end();
    await dir.cleanup();
  };
  const deadline = Date.now() + (spec.timeoutMs ?? 60_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) break;
    if (await spec.ready(dir.path).catch(() => false)) return { dir: dir.path, stop };
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  const tail = (await readFile(join(dir.path, "daemon.log"), "utf8").catch(() => ""))
    .trim()
    .split("\n")
    .slice(-10)
    .join("\n");
  await stop();
  throw new Error(`${spec.name} did not start:\n${tail}`);
}

/** TERM, then KILL after 30 s; resolves once the process is gone. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
  await exited;
  clearTimeout(timer);
}
