import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { writeCacheFile } from "../cache-dir.js";
import type { RepoListing } from "./listing.js";

/**
 * The file listing of a commit, kept in bento-container's cache once fetched:
 * a commit never changes, so a later build checks its snapshot against the
 * listing without asking the hub.
 */
export async function readListing(
  cacheRoot: string,
  repoFolder: string,
  commit: string,
): Promise<RepoListing | undefined> {
  const text = await readFile(listingPath(cacheRoot, repoFolder, commit), "utf8").catch(() => "");
  try {
    const listing = JSON.parse(text) as RepoListing;
    return listing.commit === commit && Array.isArray(listing.files) ? listing : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps a commit's listing for {@link readListing}. */
export async function writeListing(
  cacheRoot: string,
  repoFolder: string,
  listing: RepoListing,
): Promise<void> {
  await writeCacheFile(listingPath(cacheRoot, repoFolder, listing.commit), JSON.stringify(listing));
}

function listingPath(cacheRoot: string, repoFolder: string, commit: string): string {
  return join(cacheRoot, "hf-listings", repoFolder, `${commit}.json`);
}
