import { mkdir, readFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { OCIBuilder } from "../backend/contract.js";
import { parseIidfile } from "../backend/image-id.js";
import { acquireLock, noteEngine } from "../context/lock.js";
import { runBuildProcess } from "../process/run-build.js";
import { localImageId } from "../reuse/image-store.js";
import type { EnvironmentStep } from "./plan-environment.js";

/** What {@link ensureEnvironment} reports while it works. */
export interface EnsureOptions {
  builder: OCIBuilder;
  /** The image's id when the caller already looked it up. */
  knownId?: string;
  signal?: AbortSignal;
  onLine(stream: "stdout" | "stderr", line: string): void;
}

/**
 * The environment image's id: the tagged image when the store has it, else
 * built now. The lookup and build happen under a lock per environment, so
 * concurrent builds sharing it build it once and the others wait and reuse it.
 */
export async function ensureEnvironment(
  step: EnvironmentStep,
  options: EnsureOptions,
): Promise<string> {
  if (options.knownId && !step.always) return options.knownId;
  const access = {
    builder: options.builder,
    env: step.env,
    prefix: step.prefix,
    signal: options.signal,
  };
  await mkdir(dirname(step.lockPath), { recursive: true, mode: 0o700 });
  const lock = await acquireLock(
    step.lockPath,
    "Another bento build is building this environment image",
  );
  try {
    const present = step.always ? undefined : await localImageId(access, step.tag);
    if (present) return present;
    options.onLine("stdout", `Building the environment image ${step.tag}`);
    await runBuildProcess(step.argv, {
      env: step.env,
      cwd: step.cwd,
      signal: options.signal,
      onLine: options.onLine,
      onStart: noteEngine,
    });
    const id =
      parseIidfile(
        step.imageIdFile ? await readFile(step.imageIdFile, "utf8").catch(() => "") : "",
      ) ?? (await localImageId(access, step.tag));
    if (!id) throw new Error(`The environment image ${step.tag} was built but has no id.`);
    return id;
  } finally {
    await lock.release();
  }
}
