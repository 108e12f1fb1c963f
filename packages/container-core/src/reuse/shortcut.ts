import type { OCIBuilder } from "../backend/contract.js";
import { localImageIds, type StoreAccess, tagImage } from "./image-store.js";
import { buildVariables, fromImages, inputsKey, reuseBlocker, stableArgv } from "./inputs-key.js";
import { type BuildRecord, readRecord, recordPath, writeRecord } from "./records.js";
import { treeIdentity } from "./tree-identity.js";

/** How a planned build may be skipped: where its inputs' record is and what it builds FROM. */
export interface ReusePlan {
  recordPath: string;
  /** The FROM images, whose ids must be what they were. */
  bases: string[];
  /** Arguments before the engine's binary (`sudo --preserve-env`). */
  prefix: string[];
}

/** What {@link planReuse} is given: the decided build. */
export interface ReuseInputs {
  builder: OCIBuilder;
  argv: readonly string[];
  env: Readonly<Record<string, string>>;
  containerfile: string;
  contextPath: string;
  /** The context's `treeIdentity` when staging already gave it; otherwise the context is walked. */
  contextIdentity?: string;
  /** Paths and names that differ from run to run, by placeholder name. */
  volatile: Readonly<Record<string, readonly string[]>>;
  secretValues: Readonly<Record<string, string>>;
  /** Extra identities (an environment image's id). */
  extra?: Readonly<Record<string, string>>;
  cache: string;
}

/**
 * Whether the build can be skipped when its inputs are unchanged, and how to
 * tell: `undefined` when the backend has no image-store commands, when a flag
 * asks for fresh layers, a pull or output beyond the local store, or when a
 * FROM image is not known before the build. Reads file metadata, runs nothing.
 */
export async function planReuse(inputs: ReuseInputs): Promise<ReusePlan | undefined> {
  const { builder, argv } = inputs;
  if (!builder.imageStore || reuseBlocker(argv)) return undefined;
  const bases = fromImages(inputs.containerfile);
  if (!bases) return undefined;
  const key = inputsKey({
    containerfile: inputs.containerfile,
    argv: [builder.name, ...stableArgv(argv, inputs.volatile)],
    env: buildVariables(inputs.env, builder.env),
    tree: inputs.contextIdentity ?? (await treeIdentity(inputs.contextPath)),
    secrets: inputs.secretValues,
    extra: inputs.extra,
  });
  const at = argv.indexOf(builder.binary);
  return {
    recordPath: recordPath(inputs.cache, key),
    bases,
    prefix: argv.slice(0, Math.max(at, 0)),
  };
}

/** What the store said before the build: a reusable image, and the FROM images' ids. */
export interface ReuseCheck {
  /** The image built from the same inputs, still in the store with its FROM images unchanged. */
  imageId?: string;
  /** Each FROM image's id now; `undefined` when one is not in the store. */
  bases?: Record<string, string>;
}

/** The record of the last build of the same inputs, if any (without it nothing can be reused). */
export function recordOf(reuse: ReusePlan): Promise<BuildRecord | undefined> {
  return readRecord(reuse.recordPath);
}

/**
 * Looks up `record`'s image and the FROM images' ids, all at once; `known`
 * gives ids planning already looked up, which are not looked up again.
 */
export async function checkReuse(
  reuse: ReusePlan,
  access: StoreAccess,
  known: Readonly<Record<string, string>> = {},
  record?: BuildRecord,
): Promise<ReuseCheck> {
  const unknown = reuse.bases.filter((ref) => known[ref] === undefined);
  const refs = record ? [...unknown, record.imageId] : unknown;
  const found = refs.length ? await localImageIds({ ...access, prefix: reuse.prefix }, refs) : [];
  const idOf = new Map(refs.map((ref, index) => [ref, found[index]]));
  const ids = [
    ...reuse.bases.map((ref) => known[ref] ?? idOf.get(ref)),
    idOf.get(record?.imageId ?? ""),
  ];
  const bases: Record<string, string> = {};
  for (const [index, ref] of reuse.bases.entries()) {
    const id = ids[index];
    if (id === undefined) return {};
    bases[ref] = id;
  }
  if (!record || ids[reuse.bases.length] !== record.imageId) return { bases };
  const same = reuse.bases.every((ref) => record.bases[ref] === bases[ref]);
  return same ? { imageId: record.imageId, bases } : { bases };
}

/** Tags the reused image as the build would have. */
export function tagReused(
  reuse: ReusePlan,
  access: StoreAccess,
  imageId: string,
  tags: readonly string[],
): Promise<void> {
  return tagImage({ ...access, prefix: reuse.prefix }, imageId, tags);
}

/** Remembers a finished build for the next one with the same inputs (a failure to write is ignored). */
export async function rememberBuild(
  reuse: ReusePlan,
  imageId: string,
  bases: Record<string, string>,
): Promise<void> {
  await writeRecord(reuse.recordPath, { imageId, bases }).catch(() => {});
}
