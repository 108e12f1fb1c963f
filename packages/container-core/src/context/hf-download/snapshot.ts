import { randomBytes } from "node:crypto";
import { mkdir, readFile, readlink, rename, rm, stat, symlink } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { UnsafePathError } from "../../errors.js";
import { writeCacheFile } from "../cache-dir.js";
import { TRANSIENT_NAMES } from "../transient-names.js";
import type { RepoFile } from "./listing.js";

/**
 * The hub cache's layout for one repository folder (`models--org--name`):
 * `blobs/<etag>` holds each file once, `snapshots/<commit>/<path>` are relative
 * symbolic links to the blobs, `refs/<revision>` names a revision's commit.
 */
export function blobPath(repoDir: string, file: RepoFile): string {
  return join(repoDir, "blobs", file.etag);
}

/** Links `snapshots/<commit>/<path>` to the file's blob; replaced atomically, never half there. */
export async function linkSnapshotFile(
  repoDir: string,
  commit: string,
  file: RepoFile,
): Promise<void> {
  const link = snapshotPath(repoDir, commit, file.path);
  const target = relative(dirname(link), blobPath(repoDir, file));
  if ((await readlink(link).catch(() => undefined)) === target) return;
  await mkdir(dirname(link), { recursive: true });
  const temporary = `${link}.${randomBytes(4).toString("hex")}${TRANSIENT_NAMES.temporary}`;
  try {
    await symlink(target, temporary);
    await rename(temporary, link);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** Whether every file is in the snapshot, linked to a blob of the right size. */
export async function snapshotHolds(
  repoDir: string,
  commit: string,
  files: readonly RepoFile[],
): Promise<boolean> {
  for (const file of files) {
    const found = await stat(snapshotPath(repoDir, commit, file.path)).catch(() => undefined);
    if (!found?.isFile() || found.size !== file.size) return false;
  }
  return true;
}

/** Records that `revision` (a branch or tag) names `commit`, as `refs/<revision>`. */
export async function writeRef(repoDir: string, revision: string, commit: string): Promise<void> {
  if (revision === commit) return;
  const path = join(repoDir, "refs", ...safeParts(revision, "revision"));
  await mkdir(dirname(path), { recursive: true });
  await writeCacheFile(path, commit, 0o644);
}

/** The commit `refs/<revision>` names in the cache, if any. */
export async function readRef(repoDir: string, revision: string): Promise<string | undefined> {
  const path = join(repoDir, "refs", ...safeParts(revision, "revision"));
  const text = (await readFile(path, "utf8").catch(() => "")).trim();
  return /^[0-9a-f]{40}$/.test(text) ? text : undefined;
}

function snapshotPath(repoDir: string, commit: string, path: string): string {
  return join(repoDir, "snapshots", commit, ...safeParts(path, "file path"));
}

/** Path parts of a name the hub gave; anything that would leave the cache folder is refused. */
function safeParts(name: string, what: string): string[] {
  const parts = name.split("/");
  if (
    name.includes("\\") ||
    name.includes("\0") ||
    parts.some((p) => p === "" || p === "." || p === "..")
  )
    throw new UnsafePathError(
      `The hub listed a ${what} "${name}" that would leave the cache folder.`,
      {
        hint: "The hub or mirror at HF_ENDPOINT is not serving a valid repository; check it.",
      },
    );
  return parts;
}
