import { cp, mkdir } from "node:fs/promises";
import { join } from "node:path";
import { tempDir } from "@bento/test-support";
import { steeringFreeEnv } from "../steering-free-env.js";
import { EXAMPLE_HOME } from "./paths.js";

/** Private folders for one engine's builds: bento copies, a BentoML home, a staging cache. */
export interface Sandbox {
  root: string;
  /** `BENTOML_HOME`: a copy of the example home. */
  home: string;
  /** `BENTO_CONTAINER_CACHE_DIR`. */
  cache: string;
  /** Copies a bento folder into the sandbox under `name` (modes and times kept); its path. */
  copyBento(from: string, name: string): Promise<string>;
  /** The environment of a `bento` run: the test's own, minus what would steer it, plus ours. */
  env(extra?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
  cleanup(): Promise<void>;
}

/** Makes a sandbox under the test temp dir. */
export async function sandbox(prefix: string): Promise<Sandbox> {
  const dir = await tempDir(prefix);
  const home = join(dir.path, "bentoml-home");
  const cache = join(dir.path, "cache");
  await cp(EXAMPLE_HOME, home, { recursive: true, preserveTimestamps: true });
  await mkdir(cache);
  const base = steeringFreeEnv();
  return {
    root: dir.path,
    home,
    cache,
    copyBento: async (from, name) => {
      const to = join(dir.path, name);
      await cp(from, to, { recursive: true, preserveTimestamps: true });
      return to;
    },
    env: (extra = {}) => ({
      ...base,
      BENTOML_HOME: home,
      BENTO_CONTAINER_CACHE_DIR: cache,
      NO_COLOR: "1",
      ...extra,
    }),
    cleanup: dir.cleanup,
  };
}
