import { readFile } from "node:fs/promises";
import type { BuildResultJson } from "@bento/cli";
import type { WayBuild } from "./bentoml-way.js";
import { mustRun } from "./command.js";
import type { BenchEngine } from "./engines.js";
import { BENTO_BIN } from "./paths.js";
import type { BenchWorkspace } from "./workspace.js";

/** The argv of the real `bento containerize` (layered, the default) for one bench build. */
export function containerizeArgv(bentoTag: string, engine: BenchEngine, build: WayBuild): string[] {
  return [
    "containerize",
    bentoTag,
    "--backend",
    engine.name,
    "--base-image",
    build.baseImage,
    "--image-tag",
    build.tag,
    "--json",
    "--progress",
    "quiet",
  ];
}

/** What one `bento containerize` run made, and the engine command it ran. */
export interface Containerized {
  imageId: string;
  argv: string[];
  /** The image its (last) build is `FROM`: the environment image of a split build, else the base. */
  fromImage: string;
}

/** One `bento containerize` run with the given cache directory (and variables added to its env). */
export async function bentoWayBuild(
  workspace: BenchWorkspace,
  engine: BenchEngine,
  build: WayBuild,
  cacheDir: string,
  extraEnv: NodeJS.ProcessEnv = {},
): Promise<Containerized> {
  const argv = [
    process.execPath,
    BENTO_BIN,
    ...containerizeArgv(workspace.bentoTag, engine, build),
  ];
  const json = JSON.parse(
    await mustRun(argv, { env: { ...workspace.env(cacheDir), ...extraEnv } }),
  ) as BuildResultJson;
  if (!json.imageId)
    throw new Error(`bento containerize printed no image id: ${json.argv.join(" ")}`);
  const fromImage = fromLine(await readFile(json.containerfile, "utf8"));
  return { imageId: json.imageId, argv: json.argv, fromImage };
}

/** The image of a single-stage Containerfile's `FROM` line. Pure. */
export function fromLine(containerfile: string): string {
  const image = /^FROM\s+(?:--\S+\s+)*(\S+)/im.exec(containerfile)?.[1];
  if (!image) throw new Error("the Containerfile has no FROM line");
  return image;
}

/** The engine's argv without its `--iidfile` (that file's folder is gone after the build). Pure. */
export function withoutIidfile(argv: readonly string[]): string[] {
  const at = argv.indexOf("--iidfile");
  return at < 0 ? [...argv] : [...argv.slice(0, at), ...argv.slice(at + 2)];
}
