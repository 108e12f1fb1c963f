import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import "@bento/backend-docker";
import "@bento/backend-podman";
import { build } from "@bento/container-core";
import {
  baseImage,
  removeImages,
  requireEngine,
  runInImage,
  type TempDir,
  tempDir,
} from "@bento/test-support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXAMPLE_HOME, IRIS, IRIS_MODEL, SENTIMENT } from "./paths.js";

// The README's promise, on real engines and offline: each example bento builds
// FROM the local base image, runs a given command, and carries what its
// bento.yaml asked for.

const ENGINES = ["docker", "podman"] as const;
const usable = new Map<string, boolean>();
for (const engine of ENGINES) usable.set(engine, await requireEngine(engine));

/** Everything a check reads from inside the image, one `sh -c` away. */
const PROBE = [
  "echo IRIS_MODE=$IRIS_MODE IRIS_LOG_LEVEL=$IRIS_LOG_LEVEL",
  "echo SENTIMENT_THRESHOLD=$SENTIMENT_THRESHOLD",
  "for f in /tmp/*-ran; do echo $f=$(cat $f); done",
  "sha256sum models/*/*/* 2>/dev/null || true",
].join("; ");

for (const engine of ENGINES) {
  describe.skipIf(!usable.get(engine))(`example bentos on ${engine}`, () => {
    const tags = {
      iris: `bento-example-iris:${engine}-${process.pid}`,
      sentiment: `bento-example-sentiment:${engine}-${process.pid}`,
    };
    let cache: TempDir;
    beforeAll(async () => {
      cache = await tempDir("example-images-");
    });
    afterAll(async () => {
      await removeImages(engine, tags.iris, tags.sentiment);
      await cache.cleanup();
    });

    const containerize = (dir: string, tag: string) =>
      build(dir, {
        backend: engine,
        imageTag: tag,
        baseImage: baseImage(),
        env: { ...process.env, BENTOML_HOME: EXAMPLE_HOME, BENTO_CONTAINER_CACHE_DIR: cache.path },
      });

    it("iris-classifier: commands, post_commands, envs and the store model", async () => {
      const result = await containerize(IRIS, tags.iris);
      expect(result.imageId).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect((await runInImage(engine, tags.iris, ["echo", "ok"])).stdout).toBe("ok\n");

      const seen = (await runInImage(engine, tags.iris, ["sh", "-c", PROBE])).stdout;
      expect(seen).toContain("IRIS_MODE=demo IRIS_LOG_LEVEL=\n");
      expect(seen).toContain("/tmp/commands-ran=built\n");
      expect(seen).toContain("/tmp/post-commands-ran=/app/.venv\n");
      const model = join(IRIS_MODEL.name, IRIS_MODEL.version, "saved_model.pkl");
      const bytes = await readFile(join(EXAMPLE_HOME, "models", model));
      const digest = createHash("sha256").update(bytes).digest("hex");
      expect(seen).toContain(`${digest}  models/${model}`);
    }, 300_000);

    it("sentiment-legacy: docker.env, setup_script and the template's step", async () => {
      const result = await containerize(SENTIMENT, tags.sentiment);
      expect(result.imageId).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect((await runInImage(engine, tags.sentiment, ["echo", "ok"])).stdout).toBe("ok\n");

      const seen = (await runInImage(engine, tags.sentiment, ["sh", "-c", PROBE])).stdout;
      expect(seen).toContain("SENTIMENT_THRESHOLD=0.25\n");
      expect(seen).toContain("/tmp/setup-script-ran=setup-script-ran\n");
      expect(seen).toContain("/tmp/template-ran=template-ran\n");
      expect(seen).toMatch(/ {2}models\/sentiment_lexicon\/b2kq4ff6usm7yhqb\/lexicon\.tsv\n/);
    }, 300_000);
  });
}
