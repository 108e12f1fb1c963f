import { imageInspect } from "@bento/test-support";
import { expect } from "vitest";
import { check } from "./check.js";
import type { EngineContext } from "./engine-context.js";
import { bentoFileTree } from "./file-tree.js";
import { layersFromSrcCopy, sharedPrefix } from "./layers.js";
import { IRIS } from "./paths.js";

/** The labels every image gets unless `--no-labels`, for the iris example bento. */
const IRIS_LABELS = {
  "org.opencontainers.image.title": IRIS.name,
  "org.opencontainers.image.version": "x4kzqfv7ckc3ahqb",
  "org.opencontainers.image.created": "2026-01-15T10:20:30.123456+00:00",
  "ai.bentoml.bento": `${IRIS.name}:x4kzqfv7ckc3ahqb`,
};

/** Checks that compare the images of several builds of one bento. */
export function layoutChecks(context: EngineContext): void {
  const { engine } = context;

  check("compat = layered file tree", engine, async () => {
    const layered = await bentoFileTree(engine, (await context.builds().iris()).tags[0]!);
    const compat = await bentoFileTree(engine, (await context.builds().irisCompat()).tags[0]!);
    expect(layered).toContain(
      "models/iris_model/r6tb2fv7ccdxkhqb/saved_model.pkl bentoml bentoml 644",
    );
    expect(compat).toEqual(layered);
  });

  check("src change reuses layers below src", engine, async () => {
    const first = await context.builds().iris();
    const edited = await context.builds().irisEdited();
    const before = (await imageInspect(engine, first.tags[0]!)).layers;
    const after = (await imageInspect(engine, edited.tags[0]!)).layers;
    const kept = before.length - layersFromSrcCopy(edited.containerfile);
    expect(after).toHaveLength(before.length);
    expect(sharedPrefix(before, after)).toBe(kept);
  });

  check("labels; --no-labels drops them", engine, async () => {
    const labelled = await imageInspect(engine, (await context.builds().iris()).tags[0]!);
    expect(labelled.labels).toMatchObject(IRIS_LABELS);
    const bare = await imageInspect(engine, (await context.builds().irisCompat()).tags[0]!);
    for (const key of Object.keys(IRIS_LABELS)) expect(bare.labels).not.toHaveProperty(key);
  });
}
