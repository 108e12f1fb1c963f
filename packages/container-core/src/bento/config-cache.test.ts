import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BentoYamlError } from "../errors.js";
import { loadBentoConfigCached } from "./config-cache.js";
import { loadBentoConfig } from "./load-config.js";

const TEXT = "name: a\nversion: v1\nservice: s:svc\nspec: 2\ndocker:\n  python_version: 3.10\n";

describe("loadBentoConfigCached", () => {
  let root: string;
  let bento: string;
  let cache: string;
  const kept = () =>
    join(cache, "bento-yaml", `${createHash("sha256").update(TEXT).digest("hex")}.json`);
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), "bento-config-cache-"));
    bento = join(root, "bento");
    cache = join(root, "cache");
    await mkdir(bento);
    await writeFile(join(bento, "bento.yaml"), TEXT);
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it("gives what loadBentoConfig gives, and keeps the parsed data by the text's hash", async () => {
    const { config, keep } = await loadBentoConfigCached(bento, cache);
    expect(config).toEqual(await loadBentoConfig(bento));
    // Nothing is written until the caller keeps it (a build refused for bad input does not).
    expect(await readdir(cache).catch(() => [])).toEqual([]);
    await keep();
    expect(JSON.parse(await readFile(kept(), "utf8"))).toMatchObject({
      name: "a",
      docker: { python_version: "3.10" },
    });
  });

  it("reads the kept data instead of parsing the same text again", async () => {
    await (await loadBentoConfigCached(bento, cache)).keep();
    const data = JSON.parse(await readFile(kept(), "utf8"));
    await writeFile(kept(), JSON.stringify({ ...data, name: "from-the-cache" }));
    expect((await loadBentoConfigCached(bento, cache)).config.name).toBe("from-the-cache");
  });

  it("parses an edited bento.yaml afresh", async () => {
    await (await loadBentoConfigCached(bento, cache)).keep();
    await writeFile(join(bento, "bento.yaml"), TEXT.replace("name: a", "name: b"));
    const edited = await loadBentoConfigCached(bento, cache);
    expect(edited.config.name).toBe("b");
    await edited.keep();
    expect(await readdir(join(cache, "bento-yaml"))).toHaveLength(2);
  });

  it.each([
    ["is not JSON", "{"],
    ["does not validate", JSON.stringify({ name: 7 })],
  ])("parses the text again when the kept file %s", async (_why, damaged) => {
    await mkdir(join(cache, "bento-yaml"), { recursive: true });
    await writeFile(kept(), damaged);
    expect((await loadBentoConfigCached(bento, cache)).config).toEqual(
      await loadBentoConfig(bento),
    );
  });

  it("still loads when the cache cannot be written", async () => {
    await writeFile(join(root, "file"), "");
    const loaded = await loadBentoConfigCached(bento, join(root, "file", "cache"));
    expect(loaded.config.name).toBe("a");
    await loaded.keep();
  });

  it("keeps nothing for a bento.yaml that does not validate, and says what is wrong", async () => {
    await writeFile(join(bento, "bento.yaml"), "name: a\nversion: v1\nservice: s\nenvs: x\n");
    const error = await loadBentoConfigCached(bento, cache).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BentoYamlError);
    expect((error as Error).message).toBe(`${join(bento, "bento.yaml")}: envs must be a list`);
    expect(await readdir(cache).catch(() => [])).toEqual([]);
  });
});
