import { appendFile, cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { loadBentoConfig } from "@bento/container-core";
import { allModels } from "@bento/container-core/internal";
import { writeRandomFile } from "./model.js";
import { EXAMPLE_BENTO } from "./paths.js";
import { withoutStartupOnly } from "./startup-env.js";

/** A model of the bento as it sits in the model store. */
export interface StoreModel {
  /** Directory in the model store. */
  dir: string;
  /** Where it goes in a build context: `models/<name>/<version>`. */
  to: string;
}

/** The bench's private BentoML home with the example bento and its (large) model. */
export interface BenchWorkspace {
  root: string;
  /** `BENTOML_HOME` of the run. */
  home: string;
  bentoDir: string;
  /** `name:version` of the bento. */
  bentoTag: string;
  models: StoreModel[];
  /** A new empty directory under the run's root. */
  freshDir(prefix: string): Promise<string>;
  /**
   * The environment for bento commands: this home and the given cache directory,
   * without this machine's start-up-only variables (see `STARTUP_ONLY`).
   */
  env(cacheDir: string): NodeJS.ProcessEnv;
  /** A one-line code change: appends a new comment line to `src/service.py`. */
  editSource(): Promise<void>;
  dispose(): Promise<void>;
}

/**
 * Makes a store under a new directory of `workRoot` holding the example bento and
 * its model, whose model file has `modelBytes` random bytes (written once per run).
 */
export async function createWorkspace(
  workRoot: string,
  modelBytes: number,
): Promise<BenchWorkspace> {
  const root = await mkdtemp(join(workRoot, "bento-bench-"));
  const home = join(root, "home");
  const config = await loadBentoConfig(EXAMPLE_BENTO);
  const bentoDir = join(home, "bentos", config.name, config.version);
  await cp(EXAMPLE_BENTO, bentoDir, { recursive: true });
  await writeFile(join(home, "bentos", config.name, "latest"), config.version);
  const models: StoreModel[] = [];
  for (const { tag, registry } of allModels(config)) {
    if (registry !== "bentoml" || tag.version === undefined) continue;
    const dir = join(home, "models", tag.name, tag.version);
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, "model.yaml"), `name: ${tag.name}\nversion: ${tag.version}\n`);
    // The first model is the large one; any others stay small to keep the run's disk use in check.
    await writeRandomFile(join(dir, "saved_model.pkl"), models.length ? 1024 : modelBytes);
    models.push({ dir, to: `models/${tag.name}/${tag.version}` });
  }
  let edits = 0;
  return {
    root,
    home,
    bentoDir,
    bentoTag: `${config.name}:${config.version}`,
    models,
    freshDir: (prefix) => mkdtemp(join(root, prefix)),
    env: (cacheDir) => ({
      ...withoutStartupOnly(process.env),
      BENTOML_HOME: home,
      BENTO_CONTAINER_CACHE_DIR: cacheDir,
      NO_COLOR: "1",
    }),
    editSource: () =>
      appendFile(join(bentoDir, "src/service.py"), `# bench edit ${++edits} ${Date.now()}\n`),
    dispose: () => rm(root, { recursive: true, force: true }),
  };
}
