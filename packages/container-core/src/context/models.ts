import { stat } from "node:fs/promises";
import { join } from "node:path";
import type { HuggingFaceSource } from "../bento/schema.js";
import { ModelNotFoundError } from "../errors.js";
import { resolveStoreEntry } from "../store/resolve.js";
import { cacheDir } from "./cache-dir.js";
import { hfRepoFolder } from "./hf-cache.js";
import { type DownloadProgress, ensureHubModel } from "./hf-download/download.js";
import type { ContextExtra } from "./stage.js";

/** A model a bento needs in its build context. */
export type ModelNeed =
  | { registry: "bentoml"; name: string; version?: string }
  | { registry: "huggingface"; source: HuggingFaceSource };

/** Where models are looked for. */
export interface ModelSources {
  bentoDir: string;
  /** BentoML home holding the model store. */
  home: string;
  env?: Readonly<Record<string, string | undefined>>;
  /** bento-container's cache directory; defaults to the one `env` names. */
  cacheRoot?: string;
  /** A dry run: Hugging Face models come from the cache only, never downloaded. */
  dryRun?: boolean;
  signal?: AbortSignal;
  onWarning?: (message: string) => void;
  onDownload?: (progress: DownloadProgress) => void;
}

/**
 * What the context needs besides the bento: each `bentoml` model not already
 * under the bento's `models/` comes from the model store; each Hugging Face
 * model not carried by the bento is downloaded into the hub cache when missing
 * there (see {@link ensureHubModel}) and goes into `hf-models/`. A model found
 * nowhere is an error naming it and the places looked in.
 */
export async function modelExtras(
  needs: readonly ModelNeed[],
  sources: ModelSources,
): Promise<ContextExtra[]> {
  const extras: ContextExtra[] = [];
  for (const need of needs) {
    const extra =
      need.registry === "bentoml" ? await storeModel(need, sources) : await hubModel(need, sources);
    if (extra && !extras.some((e) => e.to === extra.to)) extras.push(extra);
  }
  return extras;
}

async function storeModel(
  need: Extract<ModelNeed, { registry: "bentoml" }>,
  sources: ModelSources,
): Promise<ContextExtra | undefined> {
  if (need.version && (await isDir(join(sources.bentoDir, "models", need.name, need.version))))
    return undefined;
  try {
    const entry = await resolveStoreEntry(sources.home, "models", need, {
      onWarning: sources.onWarning,
    });
    return { from: entry.path, to: `models/${entry.name}/${entry.version}` };
  } catch (error) {
    if (!(error instanceof ModelNotFoundError)) throw error;
    const tag = `${need.name}:${need.version ?? "latest"}`;
    throw new ModelNotFoundError(
      `Model "${tag}" is neither in the bento (${join(sources.bentoDir, "models", need.name)}) nor in the model store (${join(sources.home, "models", need.name)}).`,
      {
        hint: "Set BENTOML_HOME to the store that holds the model, or rebuild the bento so it includes the model.",
      },
    );
  }
}

async function hubModel(
  need: Extract<ModelNeed, { registry: "huggingface" }>,
  sources: ModelSources,
): Promise<ContextExtra | undefined> {
  const folder = hfRepoFolder(need.source.model_id);
  if (await isDir(join(sources.bentoDir, "hf-models", folder))) return undefined;
  const env = sources.env ?? process.env;
  const model = await ensureHubModel(need.source, {
    env,
    cacheRoot: sources.cacheRoot ?? cacheDir(env),
    cacheOnly: sources.dryRun,
    signal: sources.signal,
    onWarning: sources.onWarning,
    onProgress: sources.onDownload,
  });
  return model.present ? { from: model.repoDir, to: `hf-models/${folder}` } : undefined;
}

async function isDir(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isDirectory() ?? false;
}
