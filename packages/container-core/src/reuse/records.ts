import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { writeCacheFile } from "../context/cache-dir.js";

/** What a finished build left for the next one with the same inputs key. */
export interface BuildRecord {
  imageId: string;
  /** The id each FROM image had when the build ran. */
  bases: Record<string, string>;
}

/** Where the record of one inputs key lives in the cache directory. */
export function recordPath(cache: string, key: string): string {
  return join(cache, "builds", `${key}.json`);
}

/** The record, or `undefined` when there is none or it cannot be read. */
export async function readRecord(path: string): Promise<BuildRecord | undefined> {
  try {
    const value = JSON.parse(await readFile(path, "utf8")) as Partial<BuildRecord>;
    if (typeof value.imageId !== "string" || typeof value.bases !== "object" || !value.bases)
      return undefined;
    return { imageId: value.imageId, bases: value.bases };
  } catch {
    return undefined;
  }
}

/** Writes the record atomically: concurrent builds of the same inputs never see half of one. */
export function writeRecord(path: string, record: BuildRecord): Promise<void> {
  return writeCacheFile(path, `${JSON.stringify(record)}\n`);
}
