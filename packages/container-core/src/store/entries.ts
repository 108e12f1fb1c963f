import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "yaml";

/** Which store: bentos (`bento.yaml`) or models (`model.yaml`). */
export type StoreKind = "bentos" | "models";

/** One version of a bento or model in a store. */
export interface StoreEntry {
  name: string;
  version: string;
  path: string;
  /** From the entry's yaml; `undefined` when missing or unreadable. */
  creationTime?: Date;
}

const MANIFEST: Record<StoreKind, string> = { bentos: "bento.yaml", models: "model.yaml" };

/** Every version of `name` in the store, newest first (by creation time). */
export async function listVersions(
  home: string,
  kind: StoreKind,
  name: string,
): Promise<StoreEntry[]> {
  const dir = join(home, kind, name);
  const names = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const entries = await Promise.all(
    names
      .filter((entry) => entry.isDirectory())
      .map(async (entry): Promise<StoreEntry> => {
        const path = join(dir, entry.name);
        return { name, version: entry.name, path, creationTime: await creationTime(path, kind) };
      }),
  );
  return entries.sort(newestFirst);
}

/** Names of everything in the store. */
export async function listNames(home: string, kind: StoreKind): Promise<string[]> {
  const names = await readdir(join(home, kind), { withFileTypes: true }).catch(() => []);
  return names
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** The version named by `<kind>/<name>/latest`, if that file exists. */
export async function readLatestFile(
  home: string,
  kind: StoreKind,
  name: string,
): Promise<string | undefined> {
  const text = await readFile(join(home, kind, name, "latest"), "utf8").catch(() => undefined);
  const version = text?.trim();
  return version ? version : undefined;
}

/** Whether a version directory exists in the store. */
export async function versionExists(
  home: string,
  kind: StoreKind,
  name: string,
  version: string,
): Promise<boolean> {
  const info = await stat(join(home, kind, name, version)).catch(() => undefined);
  return info?.isDirectory() ?? false;
}

async function creationTime(path: string, kind: StoreKind): Promise<Date | undefined> {
  try {
    const doc = parse(await readFile(join(path, MANIFEST[kind]), "utf8")) as {
      creation_time?: unknown;
    };
    const value = doc?.creation_time;
    const date =
      value instanceof Date ? value : typeof value === "string" ? new Date(value) : undefined;
    return date && !Number.isNaN(date.getTime()) ? date : undefined;
  } catch {
    return undefined;
  }
}

function newestFirst(a: StoreEntry, b: StoreEntry): number {
  const byTime = (b.creationTime?.getTime() ?? 0) - (a.creationTime?.getTime() ?? 0);
  return byTime !== 0 ? byTime : b.version.localeCompare(a.version);
}
