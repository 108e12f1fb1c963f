import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ModelNotFoundError } from "../errors.js";
import { hfHubCache } from "./hf-cache.js";
import { modelExtras } from "./models.js";

let work: string;
let bentoDir: string;
let home: string;

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), "bento-models-"));
  bentoDir = join(work, "bento");
  home = join(work, "home");
  await mkdir(join(home, "models/iris/v2"), { recursive: true });
  await mkdir(join(home, "models/iris/v1"), { recursive: true });
  await writeFile(join(home, "models/iris/latest"), "v2");
  await mkdir(join(bentoDir, "models/inside/v1"), { recursive: true });
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

describe("modelExtras", () => {
  it("takes store models the bento lacks and leaves bundled ones", async () => {
    const extras = await modelExtras(
      [
        { registry: "bentoml", name: "iris", version: "v1" },
        { registry: "bentoml", name: "inside", version: "v1" },
        { registry: "bentoml", name: "iris" },
      ],
      { bentoDir, home },
    );
    expect(extras).toEqual([
      { from: join(home, "models/iris/v1"), to: "models/iris/v1" },
      { from: join(home, "models/iris/v2"), to: "models/iris/v2" },
    ]);
  });

  it("names the model and both places it looked", async () => {
    const failure = modelExtras([{ registry: "bentoml", name: "nope", version: "1" }], {
      bentoDir,
      home,
    });
    await expect(failure).rejects.toThrow(ModelNotFoundError);
    await expect(failure).rejects.toThrow(/"nope:1".*bento.*model store/);
  });

  const hf = (id: string) =>
    ({ registry: "huggingface", source: { model_id: id, revision: "main" } }) as const;

  it("offline, takes Hugging Face models from HF_HUB_CACHE into hf-models/", async () => {
    const cache = join(work, "hub");
    await mkdir(join(cache, "models--org--tiny/snapshots/abc"), { recursive: true });
    const warnings: string[] = [];
    const extras = await modelExtras([hf("org/tiny")], {
      bentoDir,
      home,
      env: { HF_HUB_CACHE: cache, HF_HUB_OFFLINE: "1" },
      cacheRoot: join(work, "bento-cache"),
      onWarning: (m) => warnings.push(m),
    });
    expect(warnings).toEqual([expect.stringContaining("HF_HUB_OFFLINE is set")]);
    expect(extras).toEqual([
      { from: join(cache, "models--org--tiny"), to: "hf-models/models--org--tiny" },
    ]);
  });

  it("offline, refuses a Hugging Face model missing from the cache", async () => {
    await expect(
      modelExtras([hf("org/absent")], {
        bentoDir,
        home,
        env: { HF_HOME: work, HF_HUB_OFFLINE: "1" },
        cacheRoot: join(work, "bento-cache"),
      }),
    ).rejects.toThrow(join(work, "hub", "models--org--absent"));
  });
});

describe("hfHubCache", () => {
  it("prefers HF_HUB_CACHE, then HF_HOME/hub", () => {
    expect(hfHubCache({ HF_HUB_CACHE: "/a", HF_HOME: "/b" })).toBe("/a");
    expect(hfHubCache({ HF_HOME: "/b" })).toBe("/b/hub");
    expect(hfHubCache({})).toMatch(/\.cache\/huggingface\/hub$/);
  });
});
