import { describeFailure, type ExecResult, exec } from "@bento/backend-testing";
import { type EngineName, imageStoreOf } from "./engines.js";

/**
 * Flags `podman run` needs here: the sandbox withholds CAP_SYS_RESOURCE, so runc cannot raise
 * rlimits to podman's default nofile of 1048576 ("error setting rlimit type 7").
 */
export const PODMAN_RUN_FLAGS: readonly string[] = [
  "--ulimit",
  "nofile=1024:1024",
  "--ulimit",
  "nproc=1024:1024",
];

/** The argv that runs `argv` in a throw-away container of `image` (pure). */
export function runInImageArgv(
  engine: EngineName,
  image: string,
  argv: readonly string[],
): string[] {
  if (imageStoreOf(engine) === "docker") return ["docker", "run", "--rm", image, ...argv];
  return ["podman", "run", "--rm", ...PODMAN_RUN_FLAGS, image, ...argv];
}

/**
 * Runs `argv` in a throw-away container of an image the engine built (buildx images run in
 * docker, buildah images in podman). Rejects with the command's stderr when it fails.
 */
export async function runInImage(
  engine: EngineName,
  image: string,
  argv: readonly string[],
): Promise<ExecResult> {
  const command = runInImageArgv(engine, image, argv);
  const result = await exec(command, { timeoutMs: 120_000 });
  if (result.exitCode !== 0) throw new Error(describeFailure(command, result));
  return result;
}
