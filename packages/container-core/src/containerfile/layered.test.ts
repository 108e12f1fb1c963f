import { readdirSync, statSync } from "node:fs";
import { join, posix } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseInstructions, TempBentos } from "../../test/helpers/containerfile.js";
import { loadBentoConfig } from "../bento/load-config.js";
import { ContainerfileError } from "../errors.js";
import { copyArguments } from "./copy-entries.js";
import { generateContainerfile } from "./generate.js";

const bentos = new TempBentos();
afterAll(() => bentos.cleanup());

const YAML = 'docker:\n  python_version: "3.11"\n  setup_script: ./setup.sh\n';
const FILES = {
  "README.md": "# demo\n",
  "apis/openapi.yaml": "openapi: 3\n",
  "env/docker/entrypoint.sh": "#!/bin/sh\n",
  "env/docker/setup_script": "#!/bin/sh\n",
  "env/python/requirements.txt": "numpy\n",
  "models/iris/v1/model.pkl": "weights",
  "hf-models/models--org--m/snapshots/abc/config.json": "{}",
  "src/pkg/util.py": "X = 1\n",
  "odd name.txt": "spaces\n",
};

/** Files each COPY/ADD puts under the bento path, as the builder would copy them from `context`. */
function copiedFiles(containerfile: string, context: string): Set<string> {
  const files = new Set<string>();
  for (const { keyword, text } of parseInstructions(containerfile)) {
    if (keyword !== "COPY" && keyword !== "ADD") continue;
    const args = text.replace(/^(COPY|ADD)\s+(--\S+\s+)*/, "");
    const paths: string[] = args.startsWith("[") ? JSON.parse(args) : args.split(/\s+/);
    const dest = paths.pop()!;
    for (const source of paths) {
      const full = join(context, source);
      if (statSync(full).isDirectory())
        for (const file of walk(full)) files.add(posix.join(dest, posix.relative(full, file)));
      else
        files.add(
          dest.endsWith("/") ? posix.join(dest, posix.basename(source)) : posix.normalize(dest),
        );
    }
  }
  return files;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

describe("layered layout", () => {
  it("copies models and hf-models first and src last, with no # syntax line", async () => {
    const text = await bentos.render(YAML, {}, FILES);
    expect(text).not.toMatch(/^#\s*syntax/m);
    const copies = parseInstructions(text)
      .filter((i) => i.keyword === "COPY")
      .map((i) => i.text.replace("COPY --chown=bentoml:bentoml ", ""))
      .filter((args) => !args.startsWith("./env/python "));
    expect(copies).toEqual([
      "./models ./models",
      "./hf-models ./hf-models",
      "./README.md ./README.md",
      "./apis ./apis",
      "./bento.yaml ./bento.yaml",
      "./env ./env",
      '["./odd name.txt", "./odd name.txt"]',
      "./src ./src",
    ]);
  });

  it("copies a spec-2 bento's src after its last RUN, so a code change reruns no RUN step", async () => {
    const spec2 = 'spec: 2\nimage:\n  python_version: "3.11"\n  post_commands: ["python -V"]\n';
    const files = { "env/docker/entrypoint.sh": "#!/bin/sh\n", "models/iris/v1/m.pkl": "w" };
    const steps = (layout: "layered" | "compat") =>
      bentos
        .render(spec2, { layout }, files)
        .then((text) => parseInstructions(text).map((i) => `${i.keyword} ${i.text.slice(-40)}`));
    const layered = await steps("layered");
    const src = layered.findIndex((step) => step.endsWith("./src ./src"));
    expect(layered.slice(src + 1).filter((step) => step.startsWith("RUN"))).toEqual([]);
    expect(layered.slice(src + 1).map((step) => step.split(" ")[0])).toEqual([
      "USER",
      "ENTRYPOINT",
    ]);
    const compat = await steps("compat");
    const copyAll = compat.findIndex((step) => step.endsWith(". ./"));
    expect(compat.slice(copyAll + 1).map((step) => step.split(" ")[0])).toEqual([
      "EXPOSE",
      "EXPOSE",
      "RUN",
      "USER",
      "ENTRYPOINT",
    ]);
  });

  it("declares ARG SOURCE_DATE_EPOCH after FROM, which compat does not", async () => {
    const dir = await bentos.write(YAML, FILES);
    const config = await loadBentoConfig(dir);
    const keywords = async (layout: "layered" | "compat") =>
      parseInstructions(await generateContainerfile({ dir, config }, { layout })).map(
        (i) => i.text,
      );
    const layered = await keywords("layered");
    expect(layered[layered.findIndex((t) => t.startsWith("FROM ")) + 1]).toBe(
      "ARG SOURCE_DATE_EPOCH",
    );
    expect(await keywords("compat")).not.toContain("ARG SOURCE_DATE_EPOCH");
  });

  it("leaves the same file tree under the bento path as compat", async () => {
    const dir = await bentos.write(YAML, FILES);
    const config = await loadBentoConfig(dir);
    const layered = await generateContainerfile({ dir, config }, { layout: "layered" });
    const compat = await generateContainerfile({ dir, config }, { layout: "compat" });
    const tree = copiedFiles(layered, dir);
    expect(tree).toEqual(copiedFiles(compat, dir));
    expect(tree).toContain("models/iris/v1/model.pkl");
    expect(tree).toContain("odd name.txt");
    expect(tree.size).toBeGreaterThanOrEqual(Object.keys(FILES).length + 1);
  });

  it("copies only the context entries it is given, and adds model folders the bento lists", async () => {
    const yaml = `${YAML}models: [iris:v1]\nservices:\n  - name: S\n    models: [{tag: "org--m:h1", registry: huggingface}]\n`;
    const copies = async (options: object) =>
      parseInstructions(await bentos.render(yaml, options))
        .filter((i) => i.keyword === "COPY")
        .map((i) => i.text.split(" ")[2]);
    expect(await copies({ contextEntries: ["src", "bento.yaml", "env"] })).toEqual([
      "./env/python",
      "./bento.yaml",
      "./env",
      "./src",
    ]);
    expect(await copies({})).toEqual([
      "./env/python",
      "./models",
      "./hf-models",
      "./bento.yaml",
      "./src",
    ]);
  });

  it("writes the # syntax line first only when a frontend is asked for", async () => {
    const asked = await bentos.render(YAML, { frontend: "docker/dockerfile:1.7" }, FILES);
    expect(asked.split("\n")[0]).toBe("# syntax = docker/dockerfile:1.7");
    const compatOff = await bentos.render(YAML, { layout: "compat", frontend: false }, FILES);
    expect(compatOff).not.toMatch(/^#\s*syntax/m);
    const noBuildkit = await bentos.render(
      YAML,
      { layout: "compat", enableBuildkit: false },
      FILES,
    );
    expect(noBuildkit).not.toMatch(/^#\s*syntax/m);
    await expect(bentos.render(YAML, { frontend: "bad image\nRUN x" })).rejects.toThrow(
      ContainerfileError,
    );
  });

  it("refuses entry names COPY cannot carry, and unknown layouts", () => {
    expect(() => copyArguments("layered", ["$HOME"])).toThrow(/cannot be written into a COPY/);
    expect(() => copyArguments("layered", ["a*b"])).toThrow(ContainerfileError);
    expect(() => copyArguments("layered", ["line\nRUN x"])).toThrow(ContainerfileError);
    expect(copyArguments("layered", [".", "..", "src", "src"])).toEqual(["./src ./src"]);
    expect(copyArguments("compat", ["anything"])).toEqual([". ./"]);
  });
});
