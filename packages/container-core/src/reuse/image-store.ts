import type { OCIBuilder } from "../backend/contract.js";
import { parseIidfile } from "../backend/image-id.js";
import { runCommand } from "../process/runner.js";

type Env = Readonly<Record<string, string | undefined>>;

/** How the image store is reached: the backend, the command's environment, sudo or not. */
export interface StoreAccess {
  builder: OCIBuilder;
  env: Env;
  /** Prefix for every command (`sudo --preserve-env` when the build runs as root). */
  prefix?: readonly string[];
  signal?: AbortSignal;
}

const TIMEOUT_MS = 60_000;

/** The local image's id (`sha256:...`), or `undefined` when absent or unknown. */
export async function localImageId(access: StoreAccess, ref: string): Promise<string | undefined> {
  const store = access.builder.imageStore;
  if (!store) return undefined;
  const result = await runCommand(
    [...(access.prefix ?? []), access.builder.binary, ...store.imageId(ref)],
    { env: access.env, timeoutMs: TIMEOUT_MS, signal: access.signal },
  );
  return result.failed ? undefined : parseIidfile(result.stdout.split("\n")[0] ?? "");
}

/**
 * Each ref's local id, looked up at once; `undefined` for the absent ones. One
 * command for all when the store has one and every image is there, else one
 * command per image.
 */
export async function localImageIds(
  access: StoreAccess,
  refs: readonly string[],
): Promise<(string | undefined)[]> {
  const store = access.builder.imageStore;
  if (store?.imageIds && refs.length > 1) {
    const result = await runCommand(
      [...(access.prefix ?? []), access.builder.binary, ...store.imageIds(refs)],
      { env: access.env, timeoutMs: TIMEOUT_MS, signal: access.signal },
    );
    const ids = result.stdout.split("\n").filter(Boolean).map(parseIidfile);
    if (!result.failed && ids.length === refs.length && ids.every(Boolean)) return ids;
  }
  return Promise.all(refs.map((ref) => localImageId(access, ref)));
}

/** Gives a local image the tags; throws with the engine's words when it cannot. */
export async function tagImage(
  access: StoreAccess,
  id: string,
  tags: readonly string[],
): Promise<void> {
  const store = access.builder.imageStore;
  if (!store || tags.length === 0) return;
  for (const args of store.tag(id, tags)) {
    const argv = [...(access.prefix ?? []), access.builder.binary, ...args];
    const result = await runCommand(argv, {
      env: access.env,
      timeoutMs: TIMEOUT_MS,
      signal: access.signal,
    });
    if (result.failed)
      throw new Error(`\`${argv.join(" ")}\` failed: ${result.stderr.trim() || result.stdout}`);
  }
}
