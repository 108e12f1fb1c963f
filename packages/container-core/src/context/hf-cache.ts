import { homedir } from "node:os";
import { join, resolve } from "node:path";

type Env = Readonly<Record<string, string | undefined>>;

/** The local Hugging Face hub cache: `HF_HUB_CACHE`, else `HF_HOME/hub`, else `~/.cache/huggingface/hub`. */
export function hfHubCache(env: Env = process.env): string {
  if (env.HF_HUB_CACHE) return resolve(env.HF_HUB_CACHE);
  if (env.HF_HOME) return join(resolve(env.HF_HOME), "hub");
  return join(homedir(), ".cache", "huggingface", "hub");
}

/** The hub cache folder of a model id: `org/name` → `models--org--name`. */
export function hfRepoFolder(modelId: string): string {
  return `models--${modelId.split("/").join("--")}`;
}
