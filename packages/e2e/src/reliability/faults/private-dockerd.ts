import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { open, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describeFailure, exec, tempDir } from "@bento/test-support";
import { findProcesses, isAlive, waitFor } from "../support/processes.js";

/** A dockerd of a test's own, beside the shared one, that the test may kill. */
export interface PrivateDockerd {
  /** `DOCKER_HOST` value for it. */
  host: string;
  /** Kills the daemon (SIGKILL) as a crash would, leaving what a crash leaves. */
  crash(): Promise<void>;
  /** Stops whatever is left of it (containers, containerd), unmounts and removes its directories. */
  cleanup(): Promise<void>;
}

/**
 * Starts a second dockerd with its own data root, exec root, pidfile, socket, config and
 * bridge (no iptables), and waits until it answers.
 */
export async function startPrivateDockerd(): Promise<PrivateDockerd> {
  // /tmp keeps the socket path under the 108-byte limit of unix sockets.
  const dir = await tempDir("bdk-", { ...process.env, BENTO_TEST_TMPDIR: "/tmp" });
  const at = (name: string) => join(dir.path, name);
  // Not --bridge=none: a dockerd started so deletes the host's docker0, which the shared
  // daemon's RUN steps need (moby daemon_unix.go, removeDefaultBridgeInterface).
  const bridge = await createBridge();
  await writeFile(at("daemon.json"), "{}\n");
  const host = `unix://${at("docker.sock")}`;
  const log = await open(at("dockerd.log"), "a");
  const daemon = spawn(
    "dockerd",
    [
      ...["--config-file", at("daemon.json"), "--data-root", at("data")],
      ...["--exec-root", at("exec"), "--pidfile", at("docker.pid"), "-H", host],
      ...[`--bridge=${bridge}`, "--iptables=false", "--ip-masq=false", "--userland-proxy=false"],
    ],
    { detached: true, stdio: ["ignore", log.fd, log.fd] },
  );
  daemon.unref();
  await log.close();
  const pid = daemon.pid!;
  const ours = () => findProcesses((argv) => argv.some((arg) => arg.includes(dir.path)));
  /** The init processes of the daemon's RUN steps (runc's children): they outlive a crash. */
  const containerInits = new Set<number>();
  const cleanup = async () => {
    for (const proc of await ours()) kill(proc.pid);
    for (const init of containerInits) {
      kill(init);
      kill(-init);
    }
    await waitFor("the private dockerd to end", async () =>
      (await isAlive(pid)) || (await ours()).length > 0 ? undefined : true,
    );
    await unmountUnder(dir.path);
    await dir.cleanup();
    await exec(["ip", "link", "delete", bridge]);
  };
  try {
    await waitFor(
      "the private dockerd to answer",
      async () =>
        (await exec(["docker", "-H", host, "version"])).exitCode === 0 ? true : undefined,
      60_000,
    );
  } catch (error) {
    const said = await readFile(at("dockerd.log"), "utf8").catch(() => "");
    await cleanup();
    throw new Error(`${(error as Error).message}\n${said.split("\n").slice(-20).join("\n")}`);
  }
  return {
    host,
    crash: async () => {
      for (const runc of await ours()) {
        if (!runc.argv[0]?.endsWith("runc")) continue;
        for (const child of await childrenOf(runc.pid)) containerInits.add(child);
      }
      kill(pid);
      await waitFor("the private dockerd to die", async () =>
        (await isAlive(pid)) ? undefined : true,
      );
    },
    cleanup,
  };
}

/** A fresh bridge `bdk<hex>` on a random 10.213.x.0/24 for the private daemon's RUN steps. */
async function createBridge(): Promise<string> {
  const name = `bdk${randomBytes(4).toString("hex")}`;
  const subnet = `10.213.${randomBytes(1)[0]}.1/24`;
  for (const argv of [
    ["ip", "link", "add", "name", name, "type", "bridge"],
    ["ip", "addr", "add", subnet, "dev", name],
    ["ip", "link", "set", name, "up"],
  ]) {
    const result = await exec(argv);
    if (result.exitCode !== 0) throw new Error(describeFailure(argv, result));
  }
  return name;
}

function kill(pid: number): void {
  try {
    process.kill(pid, "SIGKILL");
  } catch {
    // Already gone.
  }
}

/** The pids whose parent is `pid`. */
async function childrenOf(pid: number): Promise<number[]> {
  const all = await findProcesses(() => true);
  const children: number[] = [];
  for (const proc of all) {
    const stat = await readFile(`/proc/${proc.pid}/stat`, "utf8").catch(() => "");
    const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    if (ppid === pid) children.push(proc.pid);
  }
  return children;
}

/** Lazily unmounts every mount under `dir`, deepest first (a crashed dockerd leaves overlays). */
async function unmountUnder(dir: string): Promise<void> {
  const mounts = (await readFile("/proc/self/mounts", "utf8"))
    .split("\n")
    .map((line) => line.split(" ")[1] ?? "")
    .filter((point) => point.startsWith(`${dir}/`))
    .sort((a, b) => b.length - a.length);
  for (const point of mounts) await exec(["umount", "-l", point]);
}

/** Copies an image from the shared docker into the private one. */
export async function loadImage(host: string, image: string): Promise<void> {
  const save = spawn("docker", ["save", image], { stdio: ["ignore", "pipe", "inherit"] });
  const load = spawn("docker", ["-H", host, "load"], { stdio: ["pipe", "ignore", "inherit"] });
  save.stdout.pipe(load.stdin);
  const [saved, loaded] = await Promise.all(
    [save, load].map((child) => new Promise<number | null>((done) => child.on("close", done))),
  );
  if (saved !== 0 || loaded !== 0) throw new Error(`docker save ${image} | docker load failed`);
}
