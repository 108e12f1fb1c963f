import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { removeImages } from "@bento/test-support";
import { mustRun } from "./command.js";
import type { BenchEngine } from "./engines.js";

/** The diff ids of an image's layers, in order. */
export async function layerDiffIds(engine: BenchEngine, image: string): Promise<string[]> {
  const argv = [engine.store, "image", "inspect", "--format", "{{json .RootFS.Layers}}", image];
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
  await mustRun([engine.store, "build", "--file", file, "--tag", tag, dir], {
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
 * from `podman history`, leaving out images that existed before the ledger (make
 * it after the run's base image) and, when removing, images tagged by others.
 */
export async function imageLedger(engine: BenchEngine): Promise<ImageLedger> {
  const existing =
    engine.store === "podman"
      ? idSet(await listing(["podman", "images", "--all", "--quiet", "--no-trunc"]))
      : new Set<string>();
  const ids: string[] = [];
  return {
    async add(image) {
      ids.push(bareId(image));
      if (engine.store !== "podman") return;
      const history = ["podman", "history", "--no-trunc", "--format", "{{.ID}}", image];
      for (const id of idSet(await mustRun(history))) if (!existing.has(id)) ids.push(id);
    },
    async removeAll() {
      const keep = await taggedByOthers(engine);
      const unique = [...new Set(ids)].filter((id) => !keep.has(id));
      ids.length = 0;
      if (unique.length) await removeImages(engine.name, ...unique);
    },
  };
}

/**
 * Ids of images that carry a tag the bench did not give (`bento-base:bookworm`,
 * anyone's images): a history lists its base image's id, and removing that by id
 * would take every one of its tags with it.
 */
async function taggedByOthers(engine: BenchEngine): Promise<Set<string>> {
  const format = "{{.ID}} {{.Repository}}:{{.Tag}}";
  const lines = await listing([engine.store, "images", "--no-trunc", "--format", format]);
  const ids = new Set<string>();
  for (const line of lines.split("\n")) {
    const [id, name] = line.trim().split(" ");
    if (id && name && name !== "<none>:<none>" && !BENCH_NAME.test(name)) ids.add(bareId(id));
  }
  return ids;
}

/** The bench's own tags, and the environment images its builds made (keyed by the run's base image). */
/**
 * An image listing, asked again when it fails: podman's fails while another
 * process removes an image it is listing ("image not known").
 */
async function listing(argv: readonly string[]): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await mustRun(argv);
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}

const BENCH_NAME = /^(localhost\/)?(bento-bench-[a-z]+|bento-env-[a-z0-9_.-]+):/;

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
