import { cp, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { getContainerfile } from "@bento/container-core";
import { mustRun } from "./command.js";
import type { BenchEngine } from "./engines.js";
import type { BenchWorkspace } from "./workspace.js";

/** Copies the bento and its store models into `dest`, as BentoML does for every build. */
export async function copyBento(workspace: BenchWorkspace, dest: string): Promise<void> {
  await cp(workspace.bentoDir, dest, { recursive: true });
  for (const model of workspace.models) {
    await cp(model.dir, join(dest, model.to), { recursive: true });
  }
}

/** What one build of either way is given. */
export interface WayBuild {
  tag: string;
  baseImage: string;
}

/**
 * One build the way `bentoml containerize` does it: a fresh temporary copy of
 * the bento and its models, BentoML's (compat) Containerfile written inside it,
 * the engine's plain build there, the copy removed. Resolves with the image id.
 */
export async function bentomlWayBuild(
  workspace: BenchWorkspace,
  engine: BenchEngine,
  build: WayBuild,
): Promise<string> {
  const dir = await workspace.freshDir("bentoml-way-");
  const idFile = `${dir}.iid`;
  try {
    await copyBento(workspace, dir);
    const file = join(dir, "env/docker/Dockerfile");
    await getContainerfile(dir, {
      layout: "compat",
      enableBuildkit: engine.buildkit,
      baseImage: build.baseImage,
      outputPath: file,
    });
    const argv = [
      engine.name,
      "build",
      "--file",
      file,
      "--tag",
      build.tag,
      "--iidfile",
      idFile,
      dir,
    ];
    await mustRun(argv, { env: { ...process.env, ...engine.env } });
    return (await readFile(idFile, "utf8")).trim();
  } finally {
    await rm(dir, { recursive: true, force: true });
    await rm(idFile, { force: true });
  }
}
