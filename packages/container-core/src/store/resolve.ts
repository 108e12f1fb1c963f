import { join } from "node:path";
import { BentoNotFoundError, ModelNotFoundError } from "../errors.js";
import { formatTag, type Tag } from "../tag.js";
import {
  listVersions,
  readLatestFile,
  type StoreEntry,
  type StoreKind,
  versionExists,
} from "./entries.js";

/** Options of {@link resolveStoreEntry}. */
export interface ResolveStoreOptions {
  onWarning?: (message: string) => void;
}

/**
 * Finds a tag in a store. An unpinned version is the one `latest` names; when
 * that file is missing, or names a deleted version, the newest `creation_time` wins.
 */
export async function resolveStoreEntry(
  home: string,
  kind: StoreKind,
  tag: Tag,
  options: ResolveStoreOptions = {},
): Promise<StoreEntry> {
  if (tag.version !== undefined) {
    if (await versionExists(home, kind, tag.name, tag.version)) {
      const path = join(home, kind, tag.name, tag.version);
      return { name: tag.name, version: tag.version, path };
    }
    throw notFound(home, kind, tag);
  }
  const versions = await listVersions(home, kind, tag.name);
  const named = await readLatestFile(home, kind, tag.name);
  const latest = versions.find((entry) => entry.version === named);
  if (latest) return latest;
  const newest = versions[0];
  if (!newest) throw notFound(home, kind, tag);
  if (named !== undefined) {
    options.onWarning?.(
      `${join(home, kind, tag.name, "latest")} names version "${named}", which is not in the store; using the newest, "${newest.version}".`,
    );
  }
  return newest;
}

function notFound(home: string, kind: StoreKind, tag: Tag): Error {
  const where = join(home, kind, tag.name);
  const what = `${kind === "bentos" ? "Bento" : "Model"} "${formatTag(tag)}" is not in the store (looked in ${where}).`;
  if (kind === "bentos") {
    return new BentoNotFoundError(what, {
      hint: "Check the tag with `bento list`, set BENTOML_HOME to the right store, or pass a bento directory or archive path.",
    });
  }
  return new ModelNotFoundError(what, {
    hint: "Import the model into the model store (BENTOML_HOME), or put it under the bento's models/ folder.",
  });
}
