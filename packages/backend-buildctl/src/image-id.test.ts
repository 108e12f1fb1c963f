import { describe, expect, it } from "vitest";
import { parseMetadataFile } from "./image-id.js";

const config = `sha256:${"c".repeat(64)}`;
const manifest = `sha256:${"d".repeat(64)}`;

describe("parseMetadataFile", () => {
  it.each([
    [
      JSON.stringify({ "containerimage.config.digest": config, "containerimage.digest": manifest }),
      config,
    ],
    [JSON.stringify({ "containerimage.digest": manifest, "image.name": "svc:1" }), manifest],
    [
      JSON.stringify({
        "containerimage.config.digest": "sha256:short",
        "containerimage.digest": manifest,
      }),
      manifest,
    ],
    [JSON.stringify({ "buildx.build.ref": "x" }), undefined],
    ["{}", undefined],
    ["null", undefined],
    ["[]", undefined],
    ["", undefined],
    ["not json", undefined],
  ])("%s → %s", (content, expected) => {
    expect(parseMetadataFile(content)).toBe(expected);
  });
});
