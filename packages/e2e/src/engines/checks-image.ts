import { join } from "node:path";
import { imageInspect, runInImage } from "@bento/test-support";
import { expect } from "vitest";
import { check } from "./check.js";
import { type EngineContext, RUNTIME } from "./engine-context.js";
import { fileDigests } from "./file-digests.js";
import { type ImageFacts, imageFacts } from "./image-facts.js";
import { IRIS } from "./paths.js";

function expectRuntime(facts: ImageFacts): void {
  expect({ user: facts.user, uid: facts.uid, pwd: facts.pwd, python: facts.python }).toEqual({
    user: RUNTIME.user,
    uid: RUNTIME.uid,
    pwd: RUNTIME.bentoPath,
    python: RUNTIME.python,
  });
  expect(facts.env.BENTO_PATH).toBe(RUNTIME.bentoPath);
  expect(facts.env.VIRTUAL_ENV).toBe(RUNTIME.venv);
}

/** Checks of what one build put into its image and how a container of it runs. */
export function imageChecks(context: EngineContext): void {
  const { engine } = context;

  check("tags and --json imageId = engine's id", engine, async () => {
    const { json, tags } = await context.builds().iris();
    expect(json.tags).toEqual(tags);
    expect(json.backend).toBe(engine);
    for (const tag of tags) expect((await imageInspect(engine, tag)).id).toBe(json.imageId);
  });

  check("user 1034, BENTO_PATH, workdir, venv", engine, async () => {
    for (const built of [await context.builds().iris(), await context.builds().sentiment()]) {
      expectRuntime(await imageFacts(engine, built.tags[0]!));
    }
  });

  check("spec 2: files, store model, commands, envs", engine, async () => {
    const built = await context.builds().iris();
    const facts = await imageFacts(engine, built.tags[0]!);
    const { home } = context.sandbox();
    const model = join(IRIS.model.name, IRIS.model.version);
    const storeModel = await fileDigests(join(home, "models", model), `models/${model}/`);
    expect(storeModel[`models/${model}/saved_model.pkl`]).toMatch(/^[0-9a-f]{64}$/);
    expect(facts.digests).toEqual({ ...(await fileDigests(built.bentoDir)), ...storeModel });
    expect(facts.ran).toMatchObject({
      "commands-ran": "built",
      "post-commands-ran": RUNTIME.venv,
    });
    expect(facts.env.IRIS_MODE).toBe("demo");
    expect(facts.env).not.toHaveProperty("IRIS_LOG_LEVEL");
  });

  check("spec 1: env, setup_script, template", engine, async () => {
    const built = await context.builds().sentiment();
    const facts = await imageFacts(engine, built.tags[0]!);
    expect(facts.digests).toEqual(await fileDigests(built.bentoDir));
    expect(facts.env).toMatchObject({
      SENTIMENT_THRESHOLD: "0.25",
      TOKENIZERS_PARALLELISM: "false",
    });
    expect(facts.ran).toMatchObject({
      "setup-script-ran": "setup-script-ran",
      "template-ran": "template-ran",
    });
  });

  check("entrypoint runs `IMAGE echo ok`", engine, async () => {
    for (const built of [await context.builds().iris(), await context.builds().sentiment()]) {
      expect((await runInImage(engine, built.tags[0]!, ["echo", "ok"])).stdout).toBe("ok\n");
    }
  });
}
