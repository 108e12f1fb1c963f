import { createHash } from "node:crypto";
import { imageInspect } from "@bento/test-support";
import { expect } from "vitest";
import { SECRET_MARKER } from "./bento-edits.js";
import { check } from "./check.js";
import type { EngineContext } from "./engine-context.js";
import { findInImageArchive } from "./image-bytes.js";
import { imageFacts } from "./image-facts.js";

/** A spec-2 `stage: build` env: usable in RUN, and nowhere in the image or the build's output. */
export function secretChecks(context: EngineContext): void {
  const { engine } = context;

  check("build-stage env: used in RUN, kept out", engine, async () => {
    const { secret, tags, json, output } = await context.builds().withSecret();
    const image = tags[0]!;
    const facts = await imageFacts(engine, image);
    const seen = createHash("sha256").update(secret).digest("hex");
    expect(facts.ran[SECRET_MARKER]).toBe(seen);
    expect(json.argv.join(" ")).not.toContain(secret);
    expect(output).not.toContain(secret);
    expect(facts.env).not.toHaveProperty("BUILD_TOKEN");
    expect(Object.values(facts.env).join("\n")).not.toContain(secret);
    const info = await imageInspect(engine, image);
    expect(JSON.stringify(info)).not.toContain(secret);
    // The digest the RUN step wrote is in a layer: proof the search reads the layers.
    expect(await findInImageArchive(engine, image, [secret, seen])).toEqual([seen]);
  });
}
