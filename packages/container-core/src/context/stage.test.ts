import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { stageContext } from "./stage.js";

let work: string;
let bento: string;
let store: string;
let cache: string;

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), "bento-stage-"));
  bento = join(work, "bento");
  store = join(work, "home/models/iris/v1");
  cache = join(work, "cache");
  await mkdir(join(bento, "src"), { recursive: true });
  await writeFile(join(bento, "bento.yaml"), "name: x\n");
  await writeFile(join(bento, "src/service.py"), "v = 1\n");
  await symlink("service.py", join(bento, "src/alias.py"));
  await mkdir(store, { recursive: true });
  await writeFile(join(store, "model.bin"), Buffer.alloc(4096, 7));
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

async function tree(dir: string, prefix = ""): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const rel = `${prefix}${entry.name}`;
    out.push(rel);
    if (entry.isDirectory()) out.push(...(await tree(join(dir, entry.name), `${rel}/`)));
  }
  return out.sort();
}

async function checksum(dir: string): Promise<string> {
  const hash = createHash("sha256");
  for (const rel of await tree(dir)) {
    const info = await stat(join(dir, rel));
    hash.update(rel);
    if (info.isFile()) hash.update(await readFile(join(dir, rel)));
  }
  return hash.digest("hex");
}

const extras = () => [{ from: store, to: "models/iris/v1" }];

describe("stageContext", () => {
  it("uses the bento directory itself when nothing is added", async () => {
    const staged = await stageContext({ bentoDir: bento, extras: [], key: "k", cacheRoot: cache });
    expect(staged).toMatchObject({ dir: bento, staged: false, linked: 0 });
  });

  it("links the bento and its models without copying, leaving the sources alone", async () => {
    const before = [await checksum(bento), await checksum(store)];
    const staged = await stageContext({
      bentoDir: bento,
      extras: extras(),
      key: "iris-v1",
      cacheRoot: cache,
    });
    expect(staged).toMatchObject({ staged: true, linked: 4, copied: 0, reused: 0 });
    expect(await tree(staged.dir)).toEqual([
      "bento.yaml",
      "models",
      "models/iris",
      "models/iris/v1",
      "models/iris/v1/model.bin",
      "src",
      "src/alias.py",
      "src/service.py",
    ]);
    const [source, linked] = await Promise.all([
      stat(join(store, "model.bin")),
      stat(join(staged.dir, "models/iris/v1/model.bin")),
    ]);
    expect(linked.ino).toBe(source.ino);
    expect([await checksum(bento), await checksum(store)]).toEqual(before);
  });

  it("reuses the same directory and relinks only what changed", async () => {
    const first = await stageContext({
      bentoDir: bento,
      extras: extras(),
      key: "iris-v1",
      cacheRoot: cache,
    });
    await first.release();
    await rm(join(bento, "src/service.py"));
    await writeFile(join(bento, "src/service.py"), "v = 2\n");
    await writeFile(join(bento, "src/new.py"), "n = 1\n");
    const second = await stageContext({
      bentoDir: bento,
      extras: extras(),
      key: "iris-v1",
      cacheRoot: cache,
    });
    expect(second.dir).toBe(first.dir);
    expect(second).toMatchObject({ linked: 2, reused: 3 });
    expect(await readFile(join(second.dir, "src/service.py"), "utf8")).toBe("v = 2\n");
  });

  it("removes files the bento no longer has", async () => {
    const first = await stageContext({
      bentoDir: bento,
      extras: extras(),
      key: "iris-v1",
      cacheRoot: cache,
    });
    await first.release();
    await rm(join(bento, "src/alias.py"));
    const staged = await stageContext({
      bentoDir: bento,
      extras: extras(),
      key: "iris-v1",
      cacheRoot: cache,
    });
    expect(await tree(join(staged.dir, "src"))).toEqual(["service.py"]);
  });

  it("gives each of several concurrent builds of the same bento a tree of its own", async () => {
    const stage = () =>
      stageContext({ bentoDir: bento, extras: extras(), key: "iris-v1", cacheRoot: cache });
    const runs = await Promise.all([1, 2, 3, 4].map(stage));
    const sums = await Promise.all(runs.map((run) => checksum(run.dir)));
    expect(new Set(sums).size).toBe(1);
    expect(runs.map((run) => run.dir).sort()).toEqual(
      ["iris-v1", "iris-v1~2", "iris-v1~3", "iris-v1~4"].map((name) =>
        join(cache, "contexts", name),
      ),
    );
    for (const run of runs) await run.release();
    expect(
      (await readdir(join(cache, "contexts"))).filter((name) => name.endsWith(".lock")),
    ).toEqual([]);
    // Released trees are free again: the next build takes the first one.
    const next = await stage();
    expect(next.dir).toBe(join(cache, "contexts", "iris-v1"));
    await next.release();
  });

  it("says where staging failed and how to fix it", async () => {
    await writeFile(join(work, "file"), "not a dir");
    await expect(
      stageContext({ bentoDir: bento, extras: extras(), key: "k", cacheRoot: join(work, "file") }),
    ).rejects.toThrow(/BENTO_CONTAINER_CACHE_DIR|Could not stage/);
  });
});
