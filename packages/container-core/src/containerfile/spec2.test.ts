import { afterAll, describe, expect, it } from "vitest";
import { parseInstructions, TempBentos } from "../../test/helpers/containerfile.js";
import { parseBentoConfig } from "../bento/load-config.js";
import { ContainerfileError } from "../errors.js";
import { buildSecretNames, buildStageEnvs } from "./secrets.js";

const bentos = new TempBentos();
afterAll(() => bentos.cleanup());

const IMAGE =
  'spec: 2\nimage:\n  base_image: python:3.11-slim\n  python_version: "3.11"\n  commands: ["apt-get update"]\n  post_commands: ["python -V"]\n';
const ENVS =
  "envs:\n  - {name: MODE, value: prod mode}\n  - {name: EMPTY}\n  - {name: RUNTIME_ONLY, value: x, stage: runtime}\n" +
  "  - {name: HF_TOKEN, stage: build}\n  - {name: PIP_INDEX_URL, value: http://127.0.0.1/simple, stage: build}\n";

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

describe("spec 2 envs and secrets", () => {
  it("writes stage all envs as ARG/ENV with quoted values and leaves runtime envs out", async () => {
    const lines = parseInstructions(await bentos.render(IMAGE + ENVS)).map((i) => i.text);
    expect(lines).toEqual(
      expect.arrayContaining([
        "ARG MODE='prod mode'",
        "ENV MODE=$MODE",
        "ARG EMPTY",
        "ENV EMPTY=$EMPTY",
      ]),
    );
    expect(lines.join("\n")).not.toContain("RUNTIME_ONLY");
    expect(lines.filter((l) => /^(ARG|ENV) (HF_TOKEN|PIP_INDEX_URL)\b/.test(l))).toEqual([]);
  });

  const mounts = "RUN --mount=type=secret,id=HF_TOKEN --mount=type=secret,id=PIP_INDEX_URL ";
  const cache = "--mount=type=cache,sharing=locked,target=/root/.cache/";
  const reads =
    'HF_TOKEN="$(cat /run/secrets/HF_TOKEN)" PIP_INDEX_URL="$(cat /run/secrets/PIP_INDEX_URL)" ';

  it("layered: mounts and exports the secrets for every command of the RUN lines BentoML gives them", async () => {
    const runs = parseInstructions(await bentos.render(IMAGE + ENVS)).filter(
      (i) => i.keyword === "RUN",
    );
    const exports = `export ${reads}&& `;
    const texts = runs.map((r) => r.text);
    expect(texts).toContain(`${mounts} ${exports}apt-get update`);
    expect(texts).toContain(`${mounts} ${exports}python -V`);
    expect(texts).toContain(
      `${mounts} ${exports}command -v uv >/dev/null || pip install uv==0.8.0`,
    );
    expect(texts.find((t) => t.includes("uv --directory"))).toContain(
      `${mounts} ${cache} ${exports}if [ -d ./src ];`,
    );
    const bare = texts.filter((t) => !t.includes("secret"));
    expect(bare.map((t) => t.split(" ")[1])).toEqual(["if", "mkdir", "chmod"]);
  });

  it("compat: writes BentoML's NAME=value prefixes, after fi; on the install line", async () => {
    const runs = parseInstructions(await bentos.render(IMAGE + ENVS, { layout: "compat" }))
      .filter((i) => i.keyword === "RUN")
      .map((r) => r.text);
    expect(runs).toContain(`${mounts} ${reads}apt-get update`);
    expect(runs.find((t) => t.includes("uv --directory"))).toMatch(
      new RegExp(
        `^${escapeRegExp(`${mounts} ${cache} if [ -d ./src ];`)}.*fi; ${escapeRegExp(reads)}uv --directory`,
      ),
    );
    expect(runs.filter((t) => !t.includes("secret")).map((t) => t.split(" ")[1])).toEqual([
      "if",
      "mkdir",
      "chmod",
    ]);
  });

  it("refuses build-stage envs when BuildKit is off", async () => {
    const error = await bentos
      .render(IMAGE + ENVS, { enableBuildkit: false })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContainerfileError);
    expect((error as ContainerfileError).message).toContain("HF_TOKEN, PIP_INDEX_URL");
    expect((error as ContainerfileError).hint).toContain("BuildKit");
  });

  it("names the secrets the build must pass, for spec 2 only", () => {
    const config = parseBentoConfig(
      `name: a\nversion: v\nservice: s\n${IMAGE}${ENVS}`,
      "bento.yaml",
    );
    expect(buildSecretNames(config)).toEqual(["HF_TOKEN", "PIP_INDEX_URL"]);
    expect(buildStageEnvs(config)).toEqual([
      { name: "HF_TOKEN", stage: "build" },
      { name: "PIP_INDEX_URL", value: "http://127.0.0.1/simple", stage: "build" },
    ]);
    const v1 = parseBentoConfig(`name: a\nversion: v\nservice: s\n${ENVS}`, "bento.yaml");
    expect(buildSecretNames(v1)).toEqual([]);
  });
});

describe("spec 2 image", () => {
  it("runs commands before the environment, post_commands after, and copies build_include first", async () => {
    const lines = parseInstructions(
      await bentos.render(`${IMAGE}  build_include: [service.py, ./lib/]\n`, {
        enableBuildkit: false,
      }),
    ).map((i) => i.text);
    const at = (text: string) => lines.findIndex((l) => l.startsWith(text));
    expect(at("RUN apt-get update")).toBeLessThan(at("RUN UV_PYTHON_INSTALL_DIR"));
    expect(at("COPY --chown=bentoml:bentoml ./src/service.py ./src/service.py")).toBeLessThan(
      at("RUN if [ -d ./src ]"),
    );
    expect(at("COPY --chown=bentoml:bentoml ./src/lib/ ./src/lib/")).toBeGreaterThan(
      at("COPY --chown=bentoml:bentoml ./env/python"),
    );
    expect(at("RUN python -V")).toBeGreaterThan(at("RUN if [ -d ./src ]"));
  });

  it("joins line continuations in commands", async () => {
    const text = await bentos.render(
      'spec: 2\nimage:\n  python_version: "3.12"\n  commands: ["apt-get update && \\\\\\n  apt-get install -y git"]\n',
    );
    const lines = parseInstructions(text).map((i) => i.text);
    expect(lines[0]).toBe("FROM python:3.12-slim AS base-container");
    expect(lines).toContain("RUN  apt-get update &&    apt-get install -y git");
  });

  it("uses the baseImage option; ignores features with a warning, as BentoML ignores them", async () => {
    const text = await bentos.render(IMAGE, { baseImage: "localhost/py:offline" });
    expect(parseInstructions(text)[0]?.text).toBe("FROM localhost/py:offline AS base-container");
    const warnings: string[] = [];
    const plain = await bentos.render(IMAGE);
    const featured = await bentos.render(IMAGE, {
      features: ["grpc"],
      onWarning: (m) => warnings.push(m),
    });
    expect(featured).toBe(plain);
    expect(warnings).toEqual([
      expect.stringMatching(/^Features \(grpc\) apply to spec 1 bentos only/),
    ]);
  });

  it("needs a base image or a Python version", async () => {
    await expect(bentos.render("spec: 2\n")).rejects.toThrow(
      "bento.yaml: image.base_image and image.python_version are both missing",
    );
  });

  it("refuses build_include paths that leave the bento", async () => {
    for (const path of ["../secrets", "/etc/passwd", "a/../../b"]) {
      const error = await bentos
        .render(`${IMAGE}  build_include: ["${path}"]\n`)
        .catch((e: unknown) => e);
      expect((error as { code?: string }).code).toBe("E_UNSAFE_PATH");
      expect((error as Error).message).toContain("image.build_include[0]");
    }
  });
});
