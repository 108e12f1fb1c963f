import { listNames, listVersions, readLatestFile, type StoreEntry } from "../store/entries.js";
import { bentomlHome } from "../store/home.js";

/** A bento in the store, as `bento list` shows it. */
export interface BentoListing extends StoreEntry {
  /** `name:version`. */
  tag: string;
  /** Whether this version is what `name` or `name:latest` resolves to. */
  latest: boolean;
}

/** Every bento in the store, by name, newest version first. */
export async function listBentos(options: { home?: string } = {}): Promise<BentoListing[]> {
  const home = options.home ?? bentomlHome();
  const listings: BentoListing[] = [];
  for (const name of await listNames(home, "bentos")) {
    const versions = await listVersions(home, "bentos", name);
    const named = await readLatestFile(home, "bentos", name);
    const latest = versions.find((v) => v.version === named) ?? versions[0];
    for (const entry of versions) {
      listings.push({ ...entry, tag: `${name}:${entry.version}`, latest: entry === latest });
    }
  }
  return listings;
}
