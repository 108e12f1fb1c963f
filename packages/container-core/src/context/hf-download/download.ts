import { readdir } from "node:fs/promises";
import { join } from "node:path";
import type { HuggingFaceSource } from "../../bento/schema.js";
import { ModelDownloadError, ModelNotFoundError } from "../../errors.js";
import { hfRepoFolder } from "../hf-cache.js";
import { ensureBlob } from "./blob.js";
import type { HubSubject } from "./hub-errors.js";
import { fetchListing, type RepoFile, type RepoListing } from "./listing.js";
import { readListing, writeListing } from "./listing-cache.js";
import { wantedFile } from "./patterns.js";
import { runPool } from "./pool.js";
import { type HubSettings, hubSettings } from "./settings.js";
import { linkSnapshotFile, readRef, snapshotHolds, writeRef } from "./snapshot.js";

/** How far a model download is. */
export interface DownloadProgress {
  modelId: string;
  commit: string;
  phase: "start" | "progress" | "done";
  /** Files and bytes fetched so far, of those missing from the cache. */
  files: number;
  totalFiles: number;
  bytes: number;
  totalBytes: number;
}

/** What {@link ensureHubModel} needs besides the model. */
export interface HubModelOptions {
  env: Readonly<Record<string, string | undefined>>;
  /** bento-container's cache directory (commit listings are kept there). */
  cacheRoot: string;
  /** Never reach the network (a dry run): use the cache, else warn that a build downloads it. */
  cacheOnly?: boolean;
  signal?: AbortSignal;
  onProgress?(progress: DownloadProgress): void;
  onWarning?(message: string): void;
}

/** A model in the hub cache: its repository folder and the commit its snapshot holds. */
export interface HubModel {
  /** False only for a dry run that found the model missing: a build would download it. */
  present: boolean;
  repoDir: string;
  commit?: string;
  /** Files this call downloaded. */
  downloaded: number;
}

const CONCURRENCY = 8;
const PROGRESS_EVERY_MS = 200;

/**
 * Makes the hub cache hold a bento's `registry: huggingface` model, as
 * BentoML's containerize does with `snapshot_download`: at its revision, only
 * the files its include/exclude patterns select, downloaded only when missing.
 * A commit already listed and complete in the cache needs no network; a branch
 * is asked for its current commit. Offline (`HF_HUB_OFFLINE`) or with the hub
 * unreachable, a cached snapshot stands in, with a warning.
 */
export async function ensureHubModel(
  source: HuggingFaceSource,
  options: HubModelOptions,
): Promise<HubModel> {
  const hub = await import("@huggingface/hub");
  const settings = await hubSettings(source, options.env, hub.HUB_URL);
  const folder = hfRepoFolder(source.model_id);
  const repoDir = join(settings.cacheDir, folder);
  const subject: HubSubject = { modelId: source.model_id, revision: source.revision };
  const wanted = (listing: RepoListing) =>
    listing.files.filter((file) => wantedFile(file.path, source.include, source.exclude));

  if (isCommit(source.revision)) {
    const known = await readListing(options.cacheRoot, folder, source.revision);
    if (known && (await snapshotHolds(repoDir, known.commit, wanted(known))))
      return { present: true, repoDir, commit: known.commit, downloaded: 0 };
  }
  if (settings.offline || options.cacheOnly)
    return cachedModel(repoDir, subject, settings, options, undefined);

  let listing: RepoListing;
  try {
    listing = await fetchListing(hub, subject, settings, options.signal);
  } catch (error) {
    if (error instanceof ModelDownloadError && error.unreachable)
      return cachedModel(repoDir, subject, settings, options, error);
    throw error;
  }
  await writeListing(options.cacheRoot, folder, listing);
  const files = wanted(listing);
  if (files.length === 0)
    options.onWarning?.(
      `Hugging Face model "${source.model_id}" has no file matching include ${JSON.stringify(source.include ?? [])} and exclude ${JSON.stringify(source.exclude ?? [])} at ${listing.commit}.`,
    );
  const downloaded = await downloadFiles(repoDir, listing.commit, files, {
    settings,
    subject,
    options,
    partialDir: join(settings.cacheDir, ".bento-downloads", folder),
  });
  await writeRef(repoDir, source.revision, listing.commit);
  return { present: true, repoDir, commit: listing.commit, downloaded };
}

/** Fetches the files whose snapshot link is missing, `CONCURRENCY` at once, reporting progress. */
async function downloadFiles(
  repoDir: string,
  commit: string,
  files: readonly RepoFile[],
  context: {
    settings: HubSettings;
    subject: HubSubject;
    options: HubModelOptions;
    partialDir: string;
  },
): Promise<number> {
  const { settings, subject, options, partialDir } = context;
  const missing: RepoFile[] = [];
  for (const file of files) if (!(await snapshotHolds(repoDir, commit, [file]))) missing.push(file);
  if (missing.length === 0) return 0;
  const progress: DownloadProgress = {
    modelId: subject.modelId,
    commit,
    phase: "start",
    files: 0,
    totalFiles: missing.length,
    bytes: 0,
    totalBytes: missing.reduce((sum, file) => sum + file.size, 0),
  };
  const report = (phase: DownloadProgress["phase"]) => options.onProgress?.({ ...progress, phase });
  report("start");
  let reported = Date.now();
  let downloaded = 0;
  await runPool(missing, CONCURRENCY, async (file, stop) => {
    const signal = options.signal ? AbortSignal.any([options.signal, stop]) : stop;
    const fetched = await ensureBlob({
      repoDir,
      partialDir,
      url: resolveUrl(settings.endpoint, subject.modelId, commit, file.path),
      file,
      subject,
      settings,
      signal,
      onBytes(delta) {
        progress.bytes += delta;
        if (Date.now() - reported < PROGRESS_EVERY_MS) return;
        reported = Date.now();
        report("progress");
      },
    });
    if (!fetched) progress.bytes += file.size;
    else downloaded++;
    await linkSnapshotFile(repoDir, commit, file);
    progress.files++;
  });
  report("done");
  return downloaded;
}

/**
 * The model as the cache has it, without the network: the revision's cached
 * commit when its snapshot is there, else (hub unreachable) any snapshot the
 * folder holds; a warning says the files were not checked against the hub.
 */
async function cachedModel(
  repoDir: string,
  subject: HubSubject,
  settings: HubSettings,
  options: HubModelOptions,
  unreachable: ModelDownloadError | undefined,
): Promise<HubModel> {
  const commit = isCommit(subject.revision)
    ? subject.revision
    : await readRef(repoDir, subject.revision);
  const snapshots = await readdir(join(repoDir, "snapshots")).catch(() => [] as string[]);
  const usable = commit ? snapshots.includes(commit) : snapshots.length > 0;
  const why = unreachable
    ? `the hub at ${settings.endpoint} could not be reached`
    : settings.offline
      ? "HF_HUB_OFFLINE is set"
      : "this is a dry run";
  if (usable) {
    if (unreachable || !commit)
      options.onWarning?.(
        `Using the cached Hugging Face model "${subject.modelId}"${commit ? ` at ${commit}` : ""} as it is: ${why}, so it was not checked against revision "${subject.revision}".`,
      );
    return { present: true, repoDir, commit, downloaded: 0 };
  }
  if (unreachable) throw unreachable;
  if (options.cacheOnly && !settings.offline) {
    options.onWarning?.(
      `Dry run: Hugging Face model "${subject.modelId}" is not in the hub cache (${repoDir}); a build downloads it from ${settings.endpoint}.`,
    );
    return { present: false, repoDir, downloaded: 0 };
  }
  throw new ModelNotFoundError(
    `Hugging Face model "${subject.modelId}" at revision "${subject.revision}" is not in the hub cache (looked in ${repoDir}), and ${why}.`,
    {
      hint: "Unset HF_HUB_OFFLINE to download it, or point BENTOML_HF_CACHE_DIR or HF_HUB_CACHE at a cache that holds it.",
    },
  );
}

/** The hub's URL of a file at a commit: `ENDPOINT/ID/resolve/COMMIT/PATH`. */
function resolveUrl(endpoint: string, modelId: string, commit: string, path: string): string {
  const encodedPath = path.split("/").map(encodeURIComponent).join("/");
  return `${endpoint}/${modelId}/resolve/${commit}/${encodedPath}`;
}

function isCommit(revision: string): boolean {
  return /^[0-9a-f]{40}$/.test(revision);
}
