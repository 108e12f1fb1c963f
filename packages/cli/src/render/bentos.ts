import type { BentoListing } from "@bento/container-core";
import { renderTable } from "./table.js";

/** A creation time as `2026-01-01T00:00:00Z`, or `-`. Pure. */
export function formatCreated(date: Date | undefined): string {
  return date ? `${date.toISOString().slice(0, 19)}Z` : "-";
}

/** `bento list`: one row per bento version, or a note that the store is empty. Pure. */
export function bentosText(listings: readonly BentoListing[], home: string): string {
  if (listings.length === 0) return `No bentos in ${home}.\n`;
  return renderTable(
    ["TAG", "CREATED", "LATEST", "PATH"],
    listings.map((bento) => [
      bento.tag,
      formatCreated(bento.creationTime),
      bento.latest ? "yes" : "",
      bento.path,
    ]),
  );
}

/** The JSON view of `bento list`. Pure. */
export function bentosJson(listings: readonly BentoListing[]) {
  return listings.map((bento) => ({
    tag: bento.tag,
    name: bento.name,
    version: bento.version,
    path: bento.path,
    creationTime: bento.creationTime?.toISOString() ?? null,
    latest: bento.latest,
  }));
}
