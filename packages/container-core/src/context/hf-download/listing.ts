import { ModelDownloadError } from "../../errors.js";
import { type HubSubject, hubStatusError, hubUnreachableError } from "./hub-errors.js";
import { hubFetch } from "./hub-fetch.js";
import type { HubSettings } from "./settings.js";

/** A file of a repository at a commit, as the hub lists it. */
export interface RepoFile {
  path: string;
  /** The blob's name in the cache: the LFS sha256, else the git blob id. */
  etag: string;
  size: number;
  lfs: boolean;
}

/** The commit a revision names and the files it holds. */
export interface RepoListing {
  commit: string;
  files: RepoFile[];
}

type HubLibrary = typeof import("@huggingface/hub");

/**
 * Asks the hub (through its JavaScript library, which knows the API and its
 * paging) for the commit of `revision` and that commit's files.
 */
export async function fetchListing(
  hub: HubLibrary,
  subject: HubSubject,
  settings: HubSettings,
  signal?: AbortSignal,
): Promise<RepoListing> {
  const common = { hubUrl: settings.endpoint, fetch: hubFetch(settings, signal) };
  try {
    const info = await hub.modelInfo({
      ...common,
      name: subject.modelId,
      revision: subject.revision,
      additionalFields: ["sha"],
    });
    const commit = info.sha;
    if (typeof commit !== "string" || !/^[0-9a-f]{40}$/.test(commit))
      throw new ModelDownloadError(
        `The hub at ${settings.endpoint} gave no commit for "${subject.modelId}" at revision "${subject.revision}".`,
        {
          hint: "Check HF_ENDPOINT: it must point at a Hugging Face hub or a mirror that serves its API.",
        },
      );
    const files: RepoFile[] = [];
    for await (const entry of hub.listFiles({
      ...common,
      repo: { type: "model", name: subject.modelId },
      revision: commit,
      recursive: true,
    })) {
      if (entry.type !== "file") continue;
      const etag = entry.lfs?.oid ?? entry.oid;
      if (!etag) continue;
      files.push({ path: entry.path, etag, size: entry.lfs?.size ?? entry.size, lfs: !!entry.lfs });
    }
    return { commit, files };
  } catch (error) {
    if (signal?.aborted) throw signal.reason ?? error;
    if (error instanceof hub.HubApiError)
      throw hubStatusError(error.statusCode, firstSentence(error.message), subject, settings);
    if (error instanceof ModelDownloadError) throw error;
    throw hubUnreachableError(error, subject, settings);
  }
}

/** The hub's own words, without the library's URL trailer. */
function firstSentence(message: string): string {
  return message.split(". URL:")[0]!.replace(/^Api error with status \d+$/, "");
}
