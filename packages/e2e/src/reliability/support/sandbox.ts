import { mkdir, symlink } from "node:fs/promises";
import { join } from "node:path";
import { listTree, tempDir, treeChecksum } from "@bento/test-support";
import { steeringFreeEnv } from "../../steering-free-env.js";

/** Checksums of what a run must not change. */
export interface Snapshot {
  work: string;
  home: string;
}

/**
 * Fresh directories for one case: `tmp` (TMPDIR), `cache` (BENTO_CONTAINER_CACHE_DIR),
 * `home` (BENTOML_HOME), `hf` (HF_HUB_CACHE), `work` (bentos and archives) and `bin`
 * (only `node` and the stand-ins the case writes, so no real engine is found).
 */
export interface Sandbox {
  root: string;
  tmp: string;
  cache: string;
  home: string;
  hf: string;
  work: string;
  bin: string;
  /** The environment of a run: the sandbox's directories, PATH = `bin` unless `realPath`. */
  env(extra?: NodeJS.ProcessEnv, realPath?: boolean): NodeJS.ProcessEnv;
  snapshot(): Promise<Snapshot>;
  /** What is left in `tmp` and `cache`, relative paths prefixed `tmp/` and `cache/`. */
  leftovers(): Promise<string[]>;
  cleanup(): Promise<void>;
}

/** Makes a sandbox under the test temp dir. */
export async function sandbox(prefix = "bento-relia-"): Promise<Sandbox> {
  const dir = await tempDir(prefix);
  const root = dir.path;
  const at = (name: string) => join(root, name);
  const [tmp, cache, home, hf, work, bin] = ["tmp", "cache", "home", "hf", "work", "bin"].map(at);
  for (const path of [tmp, cache, home, hf, work, bin]) await mkdir(path!, { recursive: true });
  await symlink(process.execPath, join(bin!, "node"));
  const base = steeringFreeEnv();
  return {
    root,
    tmp: tmp!,
    cache: cache!,
    home: home!,
    hf: hf!,
    work: work!,
    bin: bin!,
    env: (extra = {}, realPath = false) => ({
      ...base,
      PATH: realPath ? `${bin}:${process.env.PATH ?? ""}` : bin,
      TMPDIR: tmp,
      BENTO_CONTAINER_CACHE_DIR: cache,
      BENTOML_HOME: home,
      HF_HUB_CACHE: hf,
      NO_COLOR: "1",
      ...extra,
    }),
    snapshot: async () => ({ work: await treeChecksum(work!), home: await treeChecksum(home!) }),
    leftovers: async () => [
      ...(await listTree(tmp!)).map((path) => `tmp/${path}`),
      ...(await listTree(cache!)).map((path) => `cache/${path}`),
    ],
    cleanup: dir.cleanup,
  };
}
