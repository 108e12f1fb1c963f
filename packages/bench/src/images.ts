import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { removeImages } from "@bento/test-support";
import { mustRun } from "./command.js";
import type { BenchEngine } from "./engines.js";

/** The diff ids of an image's layers, in order. */
export async function layerDiffIds(engine: BenchEngine, image: string): Promise<string[]> {
  const argv = [engine.name, "image", "inspect", "--format", "{{json .RootFS.Layers}}", image];
  return JSON.parse(await mustRun(argv)) as string[];
}

/** Makes the next build cold: removes what the bench built, then the engine's build cache. */
export async function coldStart(engine: BenchEngine, built: ImageLedger): Promise<void> {
  await built.removeAll();
  if (engine.pruneArgv) await mustRun(engine.pruneArgv);
}

/**
 * A base image for this run alone: `from` plus a label naming the run. Its new
 * id means no cache of an earlier build (the bench's or anyone's) can match, so
 * removing the bench's own images is enough to make a build cold.
 */
export async function runBaseImage(
  engine: BenchEngine,
  from: string,
  dir: string,
  runId: string,
): Promise<string> {
  const file = join(dir, "Containerfile");
  await writeFile(file, `FROM ${from}\nLABEL ai.bento.bench.run="${runId}"\n`);
  const tag = `bento-bench-base:${runId}`;
  await mustRun([engine.name, "build", "--file", file, "--tag", tag, dir], {
    env: { ...process.env, ...engine.env },
  });
  return tag;
}

/** Image ids the bench built, so it removes its own images and nobody else's. */
export interface ImageLedger {
  add(image: string): Promise<void>;
  /** Removes the built images and, on podman, the intermediate images (layer cache) they came from. */
  removeAll(): Promise<void>;
}

/**
 * A ledger for one engine. On podman each build's intermediate images are noted
 * from `podman history`, leaving out images that existed before the bench.
 */
export async function imageLedger(engine: BenchEngine): Promise<ImageLedger> {
  const existing =
    engine.name === "podman"
      ? idSet(await mustRun(["podman", "images", "--all", "--quiet", "--no-trunc"]))
      : new Set<string>();
  const ids: string[] = [];
  return {
    async add(image) {
      ids.push(bareId(image));
      if (engine.name !== "podman") return;
      const history = ["podman", "history", "--no-trunc", "--format", "{{.ID}}", image];
      for (const id of idSet(await mustRun(history))) if (!existing.has(id)) ids.push(id);
    },
    async removeAll() {
      const unique = [...new Set(ids)];
      ids.length = 0;
      if (unique.length) await removeImages(engine.name, ...unique);
    },
  };
}

function bareId(id: string): string {
  return id.trim().replace(/^sha256:/, "");
}

function idSet(lines: string): Set<string> {
  return new Set(
    lines
      .split("\n")
      .map(bareId)
      .filter((id) => /^[0-9a-f]{64}$/.test(id)),
  );
}
