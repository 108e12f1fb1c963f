import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { baseImage, type EngineName, imageInspect } from "@bento/test-support";
import { containerize } from "../engines/bento-cli.js";
import { bentoFileTree } from "../engines/file-tree.js";
import { REPO_ROOT } from "../engines/paths.js";
import type { Sandbox } from "../engines/sandbox.js";

/** Core's corpus of bentos written the way BentoML writes them. */
export const CORPUS = join(REPO_ROOT, "packages/container-core/test/fixtures/corpus");

/**
 * The corpus bentos a build can make offline: no CUDA and no command that needs
 * the network (their distro templates give way to the offline base image through
 * `--base-image`, as any air-gapped user's would).
 */
export const OFFLINE_CASES = [
  "s1-base-image",
  "s1-models",
  "s1-template-extend",
  "s1-debian-setup-script-absolute",
  "s2-custom-base",
] as const;

/** What a built image holds, as the checks compare it across layouts. */
export interface ImageFacts {
  tree: string[];
  user: string;
  env: Record<string, string>;
  entrypoint: string[];
}

/**
 * Builds a corpus bento with `bento containerize` in one layout and reads the
 * image back. The copy's Python requirements are emptied: no package index is
 * reachable here, and the uv stand-in of the base image installs offline only.
 */
export async function buildCorpusBento(
  engine: EngineName,
  box: Sandbox,
  name: string,
  layout: "layered" | "compat",
  tag: string,
): Promise<ImageFacts> {
  const dir = await box.copyBento(join(CORPUS, name, "bento"), `${name}-${layout}`);
  await writeFile(join(dir, "env/python/requirements.txt"), "");
  const flags = ["-t", tag, "--backend", engine, "--base-image", baseImage(), "--layout", layout];
  await containerize(dir, [...flags, "--no-labels"], box.env());
  const inspect = await imageInspect(engine, tag);
  return {
    tree: await bentoFileTree(engine, tag),
    user: inspect.user,
    env: inspect.env,
    entrypoint: inspect.entrypoint,
  };
}
