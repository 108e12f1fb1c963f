import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";

/** bento.yaml content: an object (written as JSON, which is YAML) or raw text. */
export type BentoYaml = Readonly<Record<string, unknown>> | string;

/** The keys every valid bento.yaml has. */
const COMMON = {
  service: "service:Svc",
  name: "relia",
  version: "v1",
  bentoml_version: "1.4.8",
  creation_time: "2026-01-02T03:04:05+00:00",
  labels: {},
};

/** A valid spec-2 bento.yaml; `image` and top-level keys are merged over the defaults. */
export function spec2(
  image: Readonly<Record<string, unknown>> = {},
  top: Readonly<Record<string, unknown>> = {},
): Record<string, unknown> {
  return {
    ...COMMON,
    spec: 2,
    models: [],
    envs: [],
    ...top,
    image: {
      base_image: "python:3.11-slim",
      python_version: "3.11",
      commands: [],
      post_commands: [],
      build_include: [],
      ...image,
    },
  };
}

/** A valid spec-1 bento.yaml; `docker` and top-level keys are merged over the defaults. */
export function spec1(
  docker: Readonly<Record<string, unknown>> = {},
  top: Readonly<Record<string, unknown>> = {},
): Record<string, unknown> {
  return { ...COMMON, models: [], ...top, docker: { python_version: "3.11", ...docker } };
}

/** The files of a small bento besides bento.yaml. */
export const BENTO_FILES: Readonly<Record<string, string>> = {
  "src/service.py": "VALUE = 1\n",
  "env/python/requirements.txt": "",
  "env/python/version.txt": "3.11.2\n",
  "env/docker/entrypoint.sh": '#!/bin/sh\nexec "$@"\n',
};

/** Writes a bento directory: `bento.yaml`, the usual files, and `extra` files (relative path to text). */
export async function writeBento(
  dir: string,
  yaml: BentoYaml,
  extra: Readonly<Record<string, string>> = {},
): Promise<string> {
  await writeFiles(dir, { ...BENTO_FILES, ...extra, "bento.yaml": yamlText(yaml) });
  return dir;
}

/** bento.yaml's text: raw text as is, an object as JSON (which YAML reads). */
export function yamlText(yaml: BentoYaml): string {
  return typeof yaml === "string" ? yaml : `${JSON.stringify(yaml, null, 2)}\n`;
}

/** Writes each relative path to its text under `dir`, making directories as needed. */
export async function writeFiles(
  dir: string,
  files: Readonly<Record<string, string>>,
): Promise<void> {
  for (const [rel, text] of Object.entries(files)) {
    const path = join(dir, rel);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
  }
}

/** Puts model `name:version` into the model store under `home`. */
export async function writeStoreModel(home: string, name: string, version: string): Promise<void> {
  await writeFiles(join(home, "models", name, version), {
    "model.yaml": `name: ${name}\nversion: ${version}\nmodule: bentoml.sklearn\n`,
    "saved_model.pkl": "weights\n",
  });
  await writeFile(join(home, "models", name, "latest"), version);
}

/** 10,000 small files in 100 folders under `src/` (`src/pkgD/mF.py`), for staging at scale. */
export function tenThousandFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (let d = 0; d < 100; d++)
    for (let f = 0; f < 100; f++) files[`src/pkg${d}/m${f}.py`] = `# ${d} ${f}\n`;
  return files;
}
