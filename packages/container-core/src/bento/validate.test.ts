import { describe, expect, it } from "vitest";
import { BentoYamlError } from "../errors.js";
import { parseBentoConfig } from "./load-config.js";
import { allModels } from "./schema.js";

const HEAD = "name: svc\nversion: v1\nservice: service:svc\n";

function parse(body: string) {
  return parseBentoConfig(HEAD + body, "bento.yaml");
}

function errorOf(body: string): BentoYamlError {
  try {
    parse(body);
  } catch (error) {
    if (error instanceof BentoYamlError) return error;
    throw error;
  }
  throw new Error("expected a BentoYamlError");
}

describe("bento.yaml validation names the key path", () => {
  it.each([
    [
      "docker:\n  system_packages: git\n",
      "bento.yaml: docker.system_packages must be a list of strings",
    ],
    [
      "docker:\n  system_packages: [git, [curl]]\n",
      "docker.system_packages must be a list of strings",
    ],
    ["docker: [1]\n", "bento.yaml: docker must be a mapping"],
    ["docker:\n  distro: [debian]\n", "docker.distro must be a string"],
    ["docker:\n  env:\n    A: [1]\n", "docker.env.A must be a string"],
    ["docker:\n  env: [NOEQUALS]\n", 'docker.env[0] must be a "NAME=value" string'],
    ["conda:\n  dependencies: {a: 1}\n", "conda.dependencies must be a list"],
    [
      "conda:\n  dependencies: [numpy, {npm: [x]}]\n",
      "conda.dependencies must list strings and at most one {pip: [...]} entry",
    ],
    [
      "conda:\n  dependencies: [{pip: [a]}, {pip: [b]}]\n",
      "conda.dependencies must list strings and at most one {pip: [...]} entry",
    ],
    [
      "conda:\n  dependencies: [{pip: [[a]]}]\n",
      "conda.dependencies.pip must be a list of strings",
    ],
    ["spec: 3\n", "bento.yaml: spec must be 1 or 2"],
    ["spec: 2\nimage:\n  commands: echo\n", "image.commands must be a list of strings"],
    [
      "spec: 2\nimage:\n  build_include: [1, {a: b}]\n",
      "image.build_include must be a list of strings",
    ],
    ["envs:\n  - value: x\n", "bento.yaml: envs[0].name is missing"],
    [
      "envs:\n  - name: A\n    stage: deploy\n",
      'envs[0].stage must be one of all, build, runtime, got "deploy"',
    ],
    [
      "models:\n  - {tag: a:b, registry: s3}\n",
      'models[0].registry must be "bentoml" or "huggingface"',
    ],
    ["models:\n  - {module: x}\n", "models[0].tag is missing"],
    ["models:\n  - a:b:c\n", 'models[0] must be a model tag "name:version", got "a:b:c"'],
    [
      "services:\n  - name: s\n    models: [{tag: [x]}]\n",
      "services[0].models[0].tag must be a string",
    ],
    ["services: {a: 1}\n", "bento.yaml: services must be a list"],
  ])("%j", (body, message) => {
    const error = errorOf(body);
    expect(error.message).toContain(message);
    expect(error.code).toBe("E_BENTO_YAML");
    expect(error.hint).toBeTruthy();
  });

  it.each([
    ["version: v1\nservice: s\n", "bento.yaml: name is missing"],
    ["name: a\nservice: s\n", "bento.yaml: version is missing"],
    ["name: a\nversion: v\n", "bento.yaml: service is missing"],
  ])("missing %j", (text, message) => {
    expect(() => parseBentoConfig(text, "bento.yaml")).toThrow(message);
  });
});

describe("bento.yaml parsing", () => {
  it("refuses malformed YAML, an empty file and a non-mapping, naming the file", () => {
    expect(() => parseBentoConfig("name: [a\n", "/b/bento.yaml")).toThrow(
      /\/b\/bento.yaml: is not valid YAML/,
    );
    expect(() => parseBentoConfig("  \n", "/b/bento.yaml")).toThrow("/b/bento.yaml: is empty");
    expect(() => parseBentoConfig("# only a comment\n", "x.yaml")).toThrow("x.yaml: is empty");
    expect(() => parseBentoConfig("- a\n- b\n", "x.yaml")).toThrow("x.yaml: must be a mapping");
    expect(() => parseBentoConfig("a: 1\na: 2\n", "x.yaml")).toThrow(/not valid YAML/);
  });

  it("reads an empty or None cuda_version as unset, as BentoML does", () => {
    for (const value of ['""', "None", "null"]) {
      const config = parseBentoConfig(
        `name: a\nversion: v\nservice: s\ndocker:\n  cuda_version: ${value}\n`,
        "bento.yaml",
      );
      expect(config.spec === 1 && config.docker.cuda_version).toBeUndefined();
    }
  });

  it("keeps version-like numbers as written and tolerates unknown keys", () => {
    const config = parse(
      "docker:\n  python_version: 3.10\n  cuda_version: 12.0\n  brand_new_key: true\nfuture: {x: 1}\n",
    );
    expect(config.spec).toBe(1);
    if (config.spec !== 1) throw new Error("spec 1 expected");
    expect(config.docker.python_version).toBe("3.10");
    expect(config.docker.cuda_version).toBe("12.0");
    expect(config.conda).toEqual({
      channels: undefined,
      dependencies: undefined,
      pip: undefined,
      environment_yml: undefined,
    });
  });

  it("reads spec 2 image options and envs with stages", () => {
    const config = parse(
      'spec: 2\nimage:\n  base_image: python:3.11-slim\n  python_version: "3.11"\n' +
        "  commands: [a]\n  post_commands: [b]\n  build_include: [service.py]\n" +
        "envs:\n  - {name: A, value: 1}\n  - {name: T, stage: build}\n",
    );
    if (config.spec !== 2) throw new Error("spec 2 expected");
    expect(config.image).toEqual({
      base_image: "python:3.11-slim",
      python_version: "3.11",
      commands: ["a"],
      python_requirements: undefined,
      post_commands: ["b"],
      build_include: ["service.py"],
    });
    expect(config.envs).toEqual([
      { name: "A", value: "1", stage: "all" },
      { name: "T", stage: "build" },
    ]);
  });

  it("normalizes bentoml and huggingface models, from models and services", () => {
    const config = parse(
      "models:\n  - iris:v1\n  - tag: clf:abc\n    module: bentoml.sklearn\n" +
        "services:\n  - name: Svc\n    service: ''\n    models:\n" +
        "      - tag: google-bert--bert-base-uncased:hash1\n        registry: huggingface\n" +
        "        metadata: {model_id: google-bert/bert-base-uncased, revision: 86b5e09}\n" +
        "      - {tag: 'openai--whisper:h2', registry: huggingface}\n      - clf:abc\n",
    );
    expect(config.models[0]).toEqual({ tag: { name: "iris", version: "v1" }, registry: "bentoml" });
    expect(config.models[1]).toMatchObject({
      tag: { name: "clf", version: "abc" },
      module: "bentoml.sklearn",
    });
    const hf = config.services[0]!.models;
    expect(hf[0]).toMatchObject({
      registry: "huggingface",
      huggingface: { model_id: "google-bert/bert-base-uncased", revision: "86b5e09" },
    });
    expect(hf[1]!.huggingface).toMatchObject({ model_id: "openai/whisper", revision: "main" });
    expect(allModels(config).map((m) => m.tag.name)).toEqual([
      "iris",
      "clf",
      "google-bert--bert-base-uncased",
      "openai--whisper",
    ]);
  });

  it("accepts the env list form and stringifies labels", () => {
    const config = parse(
      "labels: {team: ml, n: 2, nested: {a: 1}}\ndocker:\n  env: [A=1, B=x=y]\n",
    );
    if (config.spec !== 1) throw new Error("spec 1 expected");
    expect(config.docker.env).toEqual({ A: "1", B: "x=y" });
    expect(config.labels).toEqual({ team: "ml", n: "2", nested: '{"a":"1"}' });
  });
});
