import { existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { rawTar } from "@bento/test-support";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { writeSpec2Bento } from "../../test/helpers/bento-fixture.js";
import { getContainerfile } from "../containerfile/get-containerfile.js";
import { BentoNotFoundError, InvalidTagError } from "../errors.js";
import { listBentos } from "./list.js";
import { resolveBento } from "./reference.js";

let work: string;
let bentoDir: string;
let home: string;
let env: Record<string, string>;

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), "bento-ref-"));
  bentoDir = join(work, "bento");
  home = join(work, "home");
  await writeSpec2Bento(bentoDir, home);
  env = { BENTOML_HOME: home, BENTO_CONTAINER_CACHE_DIR: join(work, "cache") };
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

describe("resolveBento", () => {
  it("reads a bento directory", async () => {
    const bento = await resolveBento(bentoDir, { env });
    expect(bento).toMatchObject({
      dir: bentoDir,
      origin: "directory",
      config: { name: "iris", version: "v1" },
    });
  });

  it("finds a store tag, latest and pinned", async () => {
    await cp(bentoDir, join(home, "bentos/iris/v1"), { recursive: true });
    expect((await resolveBento("iris", { env })).dir).toBe(join(home, "bentos/iris/v1"));
    expect((await resolveBento("iris:v1", { env })).origin).toBe("store");
  });

  it("unpacks an archive and removes it on dispose", async () => {
    const entries = [
      { path: "bento.yaml", content: await readFile(join(bentoDir, "bento.yaml"), "utf8") },
      { path: "src/service.py", content: "x = 1\n" },
    ];
    const file = join(work, "iris.bento");
    await writeFile(file, rawTar(entries, true));
    const bento = await resolveBento(file, { env });
    expect(bento.origin).toBe("archive");
    expect(existsSync(join(bento.dir, "src/service.py"))).toBe(true);
    await bento.dispose();
    expect(await readdir(join(work, "cache/archives"))).toEqual([]);
  });

  it("says a missing path is neither a directory nor an archive", async () => {
    await expect(resolveBento("./nope", { env })).rejects.toThrow(BentoNotFoundError);
    await expect(resolveBento(join(work, "x.bento"), { env })).rejects.toThrow(
      /neither a bento directory/,
    );
  });

  it("says a directory without bento.yaml is no bento", async () => {
    await mkdir(join(work, "empty"));
    await expect(resolveBento(join(work, "empty"), { env })).rejects.toThrow(/No bento.yaml/);
  });

  it("checks the tag of a store reference", async () => {
    await expect(resolveBento("iris:", { env })).rejects.toThrow(InvalidTagError);
    await expect(resolveBento("absent", { env })).rejects.toThrow(/not in the store/);
  });
});

describe("listBentos", () => {
  it("lists the store with the latest marked", async () => {
    await cp(bentoDir, join(home, "bentos/iris/v1"), { recursive: true });
    await cp(bentoDir, join(home, "bentos/iris/v0"), { recursive: true });
    await writeFile(join(home, "bentos/iris/latest"), "v1");
    const listed = await listBentos({ home });
    expect(listed.map((b) => [b.tag, b.latest])).toEqual(
      expect.arrayContaining([
        ["iris:v1", true],
        ["iris:v0", false],
      ]),
    );
  });
});

describe("getContainerfile", () => {
  it("returns the text with the generated-file header", async () => {
    const text = await getContainerfile(bentoDir, { env });
    expect(text.split("\n")[0]).toMatch(/^#/);
    expect(text).toContain("FROM python:3.11-slim");
  });

  it("writes <name>_<version>.dockerfile into a directory, or to the file named", async () => {
    const out = join(work, "out");
    await mkdir(out);
    const text = await getContainerfile(bentoDir, { env, outputPath: out });
    expect(await readFile(join(out, "iris_v1.dockerfile"), "utf8")).toBe(text);
    await getContainerfile(bentoDir, {
      env,
      outputPath: join(out, "Containerfile"),
      layout: "compat",
    });
    expect(await readFile(join(out, "Containerfile"), "utf8")).toContain(
      "COPY --chown=bentoml:bentoml . ./",
    );
  });
});
