import { imageInspect } from "@bento/test-support";
import { expect } from "vitest";
import { check } from "./check.js";
import type { EngineContext } from "./engine-context.js";
import { epochSeconds, imageCreated } from "./image-created.js";
import { sharedPrefix } from "./layers.js";

/** The iris example bento's `creation_time`. */
const IRIS_CREATED = "2026-01-15T10:20:30.123456+00:00";

/** Issue 10: timestamps pinned to the bento's creation time, and the same id from a rebuild. */
export function reproducibleChecks(context: EngineContext): void {
  const { engine } = context;

  if (engine === "docker") {
    // dockerd 20.10 runs BuildKit 0.8, which has no SOURCE_DATE_EPOCH (0.11+).
    check("reproducible: says if applied, truly", engine, async () => {
      const { json, tags } = await context.builds().iris();
      expect(json.reproducible.applied).toBe(false);
      expect(json.reproducible.reason).toMatch(
        /^docker cannot pin image timestamps \(needs docker 23\.0\+/,
      );
      expect(epochSeconds(await imageCreated(engine, tags[0]!))).not.toBe(
        epochSeconds(IRIS_CREATED),
      );
    });
  }

  if (engine === "buildx") {
    // The default builder uses the docker driver: dockerd 20.10's BuildKit 0.8, from
    // `docker buildx inspect`. The remote suite shows a 0.13 builder pinning them.
    check("reproducible: says if applied, truly", engine, async () => {
      const { json, tags } = await context.builds().iris();
      expect(json.reproducible.applied).toBe(false);
      expect(json.reproducible.reason).toMatch(
        /^buildx cannot pin image timestamps \(needs buildx 0\.13\+; this is 0\.8/,
      );
      expect(epochSeconds(await imageCreated(engine, tags[0]!))).not.toBe(
        epochSeconds(IRIS_CREATED),
      );
    });
  }

  if (engine === "podman" || engine === "buildah" || engine === "buildctl") {
    // buildctl: the daemon's BuildKit 0.13 rewrites layer file times (rewrite-timestamp).
    check("reproducible: says if applied, truly", engine, async () => {
      const { json, tags } = await context.builds().iris();
      expect(json.reproducible).toEqual({ applied: true });
      expect(await imageCreated(engine, tags[0]!)).toBe("2026-01-15T10:20:30Z");
    });

    // Both builds skip the cache: a cached step made earlier by another bento sharing the
    // first steps (its own timestamp) leaves its id in buildah's history ("FROM <id>"), so
    // only two no-cache builds promise one id.
    check("same image id twice (no cache)", engine, async () => {
      const first = await context.builds().irisRebuiltFromScratch();
      const layersBefore = (await imageInspect(engine, first.tags[0]!)).layers;
      const again = await context.builds().irisRebuiltFromScratchAgain();
      expect(again.json.argv).toContain("--no-cache");
      const layersAfter = (await imageInspect(engine, again.tags[0]!)).layers;
      const same = sharedPrefix(layersBefore, layersAfter);
      expect(again.json.imageId, `layers differ from #${same} of ${layersBefore.length} on`).toBe(
        first.json.imageId,
      );
      expect(await imageCreated(engine, again.tags[0]!)).toBe("2026-01-15T10:20:30Z");
    });
  }
}
