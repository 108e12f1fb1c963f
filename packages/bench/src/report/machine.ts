import { availableParallelism, totalmem } from "node:os";
import { exec } from "@bento/test-support";
import type { MachineInfo } from "./results.js";

/** What the version commands print, for the report's header line. */
const VERSION_COMMANDS: Readonly<Record<string, readonly string[]>> = {
  docker: ["docker", "version", "--format", "server {{.Server.Version}}, CLI {{.Client.Version}}"],
  podman: ["podman", "version", "--format", "{{.Client.Version}}"],
  buildah: ["buildah", "--version"],
};

/** CPUs, memory, Node and the versions of the engines measured. */
export async function machineInfo(engines: readonly string[]): Promise<MachineInfo> {
  const versions: Record<string, string> = {};
  for (const engine of engines) {
    const argv = VERSION_COMMANDS[engine];
    if (!argv) continue;
    const result = await exec(argv, { timeoutMs: 30_000 });
    versions[engine] =
      result.exitCode === 0 ? result.stdout.trim().replace(/^buildah version /, "") : "unknown";
  }
  return {
    cpus: availableParallelism(),
    memoryGiB: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    engines: versions,
  };
}
