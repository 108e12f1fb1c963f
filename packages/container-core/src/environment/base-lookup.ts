import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { writeCacheFile } from "../context/cache-dir.js";
import { localImageIds, type StoreAccess } from "../reuse/image-store.js";

/** The FROM images' ids now, and the environment image's id when one lookup could tell. */
export interface BaseLookup {
  /** Each FROM image's id, `undefined` for one not in the store. */
  ids: (string | undefined)[];
  /** The environment image's id, found in the same lookup; `undefined` when not known. */
  environmentId?: string;
}

/**
 * Looks up the FROM images, and with them, in the same round of engine
 * commands, the environment image that the ids remembered from the last build
 * name (`tagFor`): when the ids are still those, that image is the one this
 * build uses, and no second round is needed. The ids are remembered for the
 * next build. A stale or missing memory costs nothing but that second round.
 */
export async function lookUpBases(
  access: StoreAccess,
  cache: string,
  bases: readonly string[],
  tagFor: (ids: readonly string[]) => string,
): Promise<BaseLookup> {
  const remembered = await recalledIds(cache, bases);
  return lookUpRound(access, cache, bases, remembered, remembered && tagFor(remembered));
}

/**
 * One round: the FROM images and, when there is a guess, the environment image
 * `tag`, whose id counts only when the FROM images still have the `remembered`
 * ids. Other ids found are remembered for the next build.
 */
async function lookUpRound(
  access: StoreAccess,
  cache: string,
  bases: readonly string[],
  remembered: readonly string[] | undefined,
  tag: string | undefined,
): Promise<BaseLookup> {
  const found = await localImageIds(access, tag ? [...bases, tag] : bases);
  const ids = found.slice(0, bases.length);
  const same = remembered !== undefined && ids.every((id, index) => id === remembered[index]);
  if (!same && ids.every((id) => id !== undefined)) await remember(cache, bases, ids as string[]);
  return { ids, environmentId: same ? found[bases.length] : undefined };
}

/**
 * Whether a guess from {@link recalledIds} holds, in the same one round of
 * engine commands as {@link lookUpBases}: the environment image's id when the
 * FROM images still have the remembered ids and `tag` is in the store, else
 * `undefined` (new ids are remembered for the next build). Never rejects: a
 * failed lookup is a guess that does not hold.
 */
export function checkGuess(
  access: StoreAccess,
  cache: string,
  bases: readonly string[],
  remembered: readonly string[],
  tag: string,
): Promise<string | undefined> {
  return lookUpRound(access, cache, bases, remembered, tag).then(
    (round) => round.environmentId,
    () => undefined,
  );
}

function memoPath(cache: string): string {
  return join(cache, "environments", "base-ids.json");
}

/** The FROM images' ids remembered from the last build; `undefined` when one is not. */
export async function recalledIds(
  cache: string,
  bases: readonly string[],
): Promise<string[] | undefined> {
  try {
    const memo = JSON.parse(await readFile(memoPath(cache), "utf8")) as Record<string, unknown>;
    const ids = bases.map((base) => memo[base]);
    return ids.every((id): id is string => typeof id === "string") ? ids : undefined;
  } catch {
    return undefined;
  }
}

/** Adds the ids to the memory; one that cannot be written is simply not remembered. */
async function remember(cache: string, bases: readonly string[], ids: string[]): Promise<void> {
  let memo: Record<string, string> = {};
  try {
    memo = JSON.parse(await readFile(memoPath(cache), "utf8")) as Record<string, string>;
  } catch {}
  for (const [index, base] of bases.entries()) memo[base] = ids[index]!;
  await writeCacheFile(memoPath(cache), JSON.stringify(memo)).catch(() => {});
}
