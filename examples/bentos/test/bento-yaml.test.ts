import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { loadBentoConfig } from "@bento/container-core";
import { allModels } from "@bento/container-core/internal";
import { describe, expect, it } from "vitest";
import { EXAMPLE_HOME, IRIS, IRIS_MODEL, SENTIMENT } from "./paths.js";

describe("iris-classifier (spec 2)", () => {
  it("has the image, envs and model containerization reads", async () => {
    const config = await loadBentoConfig(IRIS);
    if (config.spec !== 2) throw new Error(`expected spec 2, got ${config.spec}`);
    expect(config).toMatchObject({ name: "iris_classifier", service: "service:IrisClassifier" });
    expect(config.image).toEqual({
      python_version: "3.11",
      commands: ["echo built > /tmp/commands-ran"],
      python_requirements: "",
      post_commands: ["python -c 'import sys; print(sys.prefix)' > /tmp/post-commands-ran"],
      build_include: [],
    });
    expect(config.envs).toEqual([
      { name: "IRIS_MODE", value: "demo", stage: "all" },
      { name: "IRIS_LOG_LEVEL", value: "info", stage: "runtime" },
    ]);
    expect(allModels(config)).toEqual([
      expect.objectContaining({ tag: IRIS_MODEL, registry: "bentoml" }),
    ]);
  });

  it("leaves its model in the example store, where latest names it", async () => {
    expect(existsSync(join(IRIS, "models"))).toBe(false);
    const dir = join(EXAMPLE_HOME, "models", IRIS_MODEL.name);
    expect(await readFile(join(dir, "latest"), "utf8")).toBe(IRIS_MODEL.version);
    const modelYaml = await readFile(join(dir, IRIS_MODEL.version, "model.yaml"), "utf8");
    expect(modelYaml).toMatch(/^name: iris_model$/m);
    expect(modelYaml).toMatch(new RegExp(`^version: ${IRIS_MODEL.version}$`, "m"));
  });

  it("stores model bytes that the documented generator reproduces", async () => {
    const file = join(
      EXAMPLE_HOME,
      "models",
      IRIS_MODEL.name,
      IRIS_MODEL.version,
      "saved_model.pkl",
    );
    const tag = `${IRIS_MODEL.name}:${IRIS_MODEL.version}`;
    const blocks = Array.from({ length: 128 }, (_, i) =>
      createHash("sha256").update(`${tag}:${i}`).digest(),
    );
    expect((await readFile(file)).equals(Buffer.concat(blocks))).toBe(true);
  });
});

describe("sentiment-legacy (spec 1)", () => {
  it("has the docker options containerization reads", async () => {
    const text = await readFile(join(SENTIMENT, "bento.yaml"), "utf8");
    expect(text).not.toMatch(/^spec:/m);
    const config = await loadBentoConfig(SENTIMENT);
    if (config.spec !== 1) throw new Error(`expected spec 1, got ${config.spec}`);
    expect(config.docker).toEqual({
      distro: "debian",
      python_version: "3.11",
      env: { SENTIMENT_THRESHOLD: "0.25", TOKENIZERS_PARALLELISM: "false" },
      setup_script: "./setup_script.sh",
      dockerfile_template: "./Dockerfile.template",
      cuda_version: undefined,
      system_packages: undefined,
      base_image: undefined,
    });
  });

  it("carries its model inside the bento, as bentos before BentoML 1.2 do", async () => {
    const config = await loadBentoConfig(SENTIMENT);
    const [model] = allModels(config);
    expect(model?.tag).toEqual({ name: "sentiment_lexicon", version: "b2kq4ff6usm7yhqb" });
    const dir = join(SENTIMENT, "models/sentiment_lexicon/b2kq4ff6usm7yhqb");
    expect(existsSync(join(dir, "model.yaml"))).toBe(true);
    expect(existsSync(join(dir, "lexicon.tsv"))).toBe(true);
  });
});

describe.each([
  ["iris-classifier", IRIS],
  ["sentiment-legacy", SENTIMENT],
])("%s needs no package index", (_name, dir) => {
  it("has an empty requirements.txt and Python 3.11", async () => {
    expect(await readFile(join(dir, "env/python/requirements.txt"), "utf8")).toBe("");
    expect(await readFile(join(dir, "env/python/version.txt"), "utf8")).toMatch(/^3\.11\./);
  });
});
