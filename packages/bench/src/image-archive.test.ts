import { chmod, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { create } from "tar";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { savedLayerSizes } from "./image-archive.js";

describe("savedLayerSizes", () => {
  let dir: string;
  let engine: string;

  // A stand-in engine whose `save` prints a docker-archive tarball made here.
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "bench-archive-"));
    const tree = join(dir, "tree");
    await mkdir(join(tree, "aaa"), { recursive: true });
    await mkdir(join(tree, "bbb"), { recursive: true });
    await writeFile(join(tree, "aaa/layer.tar"), Buffer.alloc(3000, 1));
    await writeFile(join(tree, "bbb/layer.tar"), Buffer.alloc(512, 2));
    await writeFile(
      join(tree, "manifest.json"),
      JSON.stringify([{ Config: "c.json", Layers: ["bbb/layer.tar", "aaa/layer.tar"] }]),
    );
    await create({ cwd: tree, file: join(dir, "image.tar") }, ["aaa", "bbb", "manifest.json"]);
    engine = join(dir, "engine");
    await writeFile(
      engine,
      `#!/bin/sh\n[ "$1" = save ] && [ "$2" = img ] || { echo "no image $2" >&2; exit 1; }\ncat "${join(dir, "image.tar")}"\n`,
    );
    await chmod(engine, 0o755);
  });

  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("reads each layer's size in manifest order", async () => {
    expect(await savedLayerSizes(engine, "img")).toEqual([512, 3000]);
  });

  it("rejects with the command and its stderr when save fails", async () => {
    await expect(savedLayerSizes(engine, "missing")).rejects.toThrow(
      /Command failed: .*engine save missing, exit code: 1\nno image missing/,
    );
  });
});
