import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { exec } from "@bento/backend-testing";
import { startDaemon, type TestDaemon } from "./daemon.js";
import { registryAddress } from "./registry.js";

/** A fresh buildkitd with empty state: another machine's builder, as far as caches go. */
export interface FreshBuildkitd extends TestDaemon {
  /** Its `unix://` address, for `BUILDKIT_HOST`. */
  address: string;
}

/** Starts buildkitd on a private socket and root, pulling from the loopback registry over HTTP. */
export async function startFreshBuildkitd(): Promise<FreshBuildkitd> {
  const socket = (dir: string) => `unix://${join(dir, "buildkitd.sock")}`;
  const daemon = await startDaemon({
    name: "buildkitd",
    files: (dir) =>
      writeFile(
        join(dir, "buildkitd.toml"),
        [
          "[worker.oci]\n  enabled = true",
          "[worker.containerd]\n  enabled = false",
          `[registry."${registryAddress()}"]\n  http = true`,
        ].join("\n"),
      ),
    argv: (dir) => [
      "buildkitd",
      ...["--config", join(dir, "buildkitd.toml"), "--root", join(dir, "root")],
      ...["--addr", socket(dir)],
    ],
    ready: async (dir) =>
      (await exec(["buildctl", "--addr", socket(dir), "debug", "workers"], { timeoutMs: 5_000 }))
        .exitCode === 0,
  });
  return { ...daemon, address: socket(daemon.dir) };
}
