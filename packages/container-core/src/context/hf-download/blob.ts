import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, open, rename, rm, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import { pipeline } from "node:stream/promises";
import { BentoError, ModelDownloadError } from "../../errors.js";
import { acquireLock } from "../lock.js";
import { TRANSIENT_NAMES } from "../transient-names.js";
import { type HubSubject, hubStatusError, hubUnreachableError } from "./hub-errors.js";
import { hubGet } from "./hub-fetch.js";
import type { RepoFile } from "./listing.js";
import type { HubSettings } from "./settings.js";
import { blobPath } from "./snapshot.js";

/** One file to bring into the cache's `blobs/`. */
export interface BlobJob {
  repoDir: string;
  /** Where partial downloads and their locks live, outside the repository folder. */
  partialDir: string;
  /** The file's `resolve/` URL at the commit. */
  url: string;
  file: RepoFile;
  subject: HubSubject;
  settings: HubSettings;
  signal?: AbortSignal;
  /** Bytes received (negative when a partial download had to start over). */
  onBytes(delta: number): void;
}

const ATTEMPTS = 3;

/**
 * Makes `blobs/<etag>` hold the file, verified: downloads into a partial file
 * outside the repository folder (resumed with a byte range after a broken
 * connection, in this build or the next), checks the hub's ETag and the content
 * hash (sha256 for LFS files, the git blob id otherwise), then renames it into
 * place. A lock per blob lets concurrent builds share one download.
 * Returns whether this call downloaded it.
 */
export async function ensureBlob(job: BlobJob): Promise<boolean> {
  const blob = blobPath(job.repoDir, job.file);
  if (await hasSize(blob, job.file.size)) return false;
  await mkdir(job.partialDir, { recursive: true });
  const lock = await acquireLock(
    join(job.partialDir, `${job.file.etag}${TRANSIENT_NAMES.lock}`),
    "Another build is downloading this file",
  ).catch((error: unknown) => {
    throw new ModelDownloadError(
      `Timed out waiting for another build downloading "${job.file.path}" of "${job.subject.modelId}".`,
      { hint: `If no other build is running, remove ${job.partialDir}.`, cause: error },
    );
  });
  try {
    if (await hasSize(blob, job.file.size)) return false;
    const partial = join(job.partialDir, `${job.file.etag}.incomplete`);
    for (let attempt = 1; ; attempt++) {
      try {
        await transfer(job, partial);
        break;
      } catch (error) {
        if (job.signal?.aborted || error instanceof BentoError || attempt === ATTEMPTS)
          throw error instanceof BentoError || job.signal?.aborted
            ? error
            : hubUnreachableError(error, { ...job.subject, path: job.file.path }, job.settings);
      }
    }
    await verify(job, partial);
    await mkdir(dirname(blob), { recursive: true });
    await rename(partial, blob);
    return true;
  } finally {
    await lock.release();
  }
}

/** Fetches the rest of the file into `partial`, resuming from what is there. */
async function transfer(job: BlobJob, partial: string): Promise<void> {
  const subject = { ...job.subject, path: job.file.path };
  let have = (await stat(partial).catch(() => undefined))?.size ?? 0;
  if (have > job.file.size) {
    await rm(partial, { force: true });
    have = 0;
  }
  if (have === job.file.size && have > 0) return;
  const headers: Record<string, string> = have > 0 ? { range: `bytes=${have}-` } : {};
  const { response, hubEtag } = await hubGet(job.url, job.settings, {
    headers,
    signal: job.signal,
  });
  if (response.status === 416) {
    await response.body?.cancel();
    await rm(partial, { force: true });
    job.onBytes(-have);
    throw new Error("the server refused to resume the download");
  }
  if (!response.ok || !response.body) {
    const detail = (await response.text().catch(() => "")).slice(0, 200);
    throw hubStatusError(response.status, errorText(detail), subject, job.settings);
  }
  if (hubEtag && /^[0-9a-f]{40}([0-9a-f]{24})?$/.test(hubEtag) && hubEtag !== job.file.etag) {
    await response.body.cancel();
    throw new ModelDownloadError(
      `The hub serves "${job.file.path}" of "${job.subject.modelId}" with ETag ${hubEtag}, but listed it as ${job.file.etag}.`,
      { hint: "The repository changed while it was being downloaded; run the build again." },
    );
  }
  const resumed = response.status === 206;
  if (!resumed && have > 0) job.onBytes(-have);
  // Each chunk is on disk before the next is read, so a broken connection keeps what came.
  const handle = await open(partial, resumed ? "a" : "w", 0o644);
  try {
    for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
      await handle.write(chunk);
      job.onBytes(chunk.length);
    }
  } finally {
    await handle.close();
  }
}

/** The whole partial file against the listing: size, then sha256 (LFS) or git blob id. */
async function verify(job: BlobJob, partial: string): Promise<void> {
  const { file } = job;
  const size = (await stat(partial)).size;
  const hash = createHash(file.lfs ? "sha256" : "sha1");
  if (!file.lfs) hash.update(`blob ${size}\0`);
  await pipeline(createReadStream(partial), hash);
  const digest = hash.digest("hex");
  if (size === file.size && digest === file.etag) return;
  await rm(partial, { force: true });
  throw new ModelDownloadError(
    `Checksum mismatch for "${file.path}" of Hugging Face model "${job.subject.modelId}": expected ${file.lfs ? "sha256" : "git blob id"} ${file.etag} (${file.size} bytes), got ${digest} (${size} bytes). The download was discarded.`,
    {
      hint: "Something between the hub and this machine altered the file (a proxy or a broken mirror at HF_ENDPOINT); fix that and build again.",
    },
  );
}

async function hasSize(path: string, size: number): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.size === size;
}

function errorText(body: string): string {
  try {
    return String((JSON.parse(body) as { error?: unknown }).error ?? "");
  } catch {
    return body.trim();
  }
}
