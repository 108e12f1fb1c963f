import { readFile } from "node:fs/promises";
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import type { HuggingFaceSource } from "../../bento/schema.js";
import { hfHubCache } from "../hf-cache.js";

type Env = Readonly<Record<string, string | undefined>>;

/** Where and how a Hugging Face model is downloaded. */
export interface HubSettings {
  /** Base URL of the hub, without a trailing slash. */
  endpoint: string;
  token?: string;
  /** The hub cache the model is downloaded into (`blobs/`, `snapshots/`, `refs/`). */
  cacheDir: string;
  /** `HF_HUB_OFFLINE`: use the cache only, never the network. */
  offline: boolean;
}

/**
 * The settings BentoML's containerize uses, from bento.yaml and the environment:
 * the endpoint bento.yaml records, unless it is the public hub (`publicHub`) or
 * absent, when `HF_ENDPOINT` (a mirror) wins; `HF_TOKEN` (else the token file);
 * `BENTOML_HF_CACHE_DIR`, else the hub cache.
 */
export async function hubSettings(
  source: HuggingFaceSource,
  env: Env,
  publicHub: string,
): Promise<HubSettings> {
  const recorded = source.endpoint ? trimSlash(source.endpoint) : undefined;
  const endpoint =
    recorded && recorded !== trimSlash(publicHub)
      ? recorded
      : trimSlash(env.HF_ENDPOINT || recorded || publicHub);
  return {
    endpoint,
    token: env.HF_TOKEN || env.HUGGING_FACE_HUB_TOKEN || (await tokenFile(env)),
    cacheDir: env.BENTOML_HF_CACHE_DIR ? resolve(env.BENTOML_HF_CACHE_DIR) : hfHubCache(env),
    offline: /^(1|true|yes|on)$/i.test(env.HF_HUB_OFFLINE ?? ""),
  };
}

/** The token `huggingface-cli login` saved: `HF_TOKEN_PATH`, else `HF_HOME/token`. */
async function tokenFile(env: Env): Promise<string | undefined> {
  const home = env.HF_HOME ? resolve(env.HF_HOME) : join(homedir(), ".cache", "huggingface");
  const path = env.HF_TOKEN_PATH ? resolve(env.HF_TOKEN_PATH) : join(home, "token");
  const text = await readFile(path, "utf8").catch(() => "");
  return text.trim() || undefined;
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, "");
}
