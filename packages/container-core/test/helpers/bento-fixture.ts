import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";

/** Writes a small spec-2 bento whose model lives in the model store of `home`. */
export async function writeSpec2Bento(
  dir: string,
  home: string,
  extra: { envs?: string } = {},
): Promise<void> {
  await mkdir(join(dir, "src"), { recursive: true });
  await mkdir(join(dir, "env/python"), { recursive: true });
  await mkdir(join(dir, "env/docker"), { recursive: true });
  await writeFile(
    join(dir, "bento.yaml"),
    [
      "service: service:Iris",
      "name: iris",
      "version: v1",
      "bentoml_version: 1.4.0",
      'creation_time: "2026-01-02T03:04:05+00:00"',
      "labels: {}",
      "spec: 2",
      "models:",
      "  - tag: iris_model:m1",
      "    module: bentoml.sklearn",
      "    registry: bentoml",
      "    creation_time: '2026-01-01T00:00:00+00:00'",
      "services: []",
      extra.envs ?? "envs: []",
      "image:",
      "  base_image: python:3.11-slim",
      '  python_version: "3.11"',
      "  commands: []",
      "  post_commands: []",
      "  build_include: []",
      "",
    ].join("\n"),
  );
  await writeFile(join(dir, "src/service.py"), "VALUE = 1\n");
  await writeFile(join(dir, "env/python/requirements.txt"), "");
  await writeFile(join(dir, "env/python/version.txt"), "3.11.9\n");
  await writeFile(join(dir, "env/docker/entrypoint.sh"), '#!/bin/sh\nexec "$@"\n');
  const model = join(home, "models/iris_model/m1");
  await mkdir(model, { recursive: true });
  await writeFile(join(model, "model.yaml"), "name: iris_model\nversion: m1\n");
  await writeFile(join(model, "saved_model.pkl"), Buffer.alloc(2048, 1));
}
