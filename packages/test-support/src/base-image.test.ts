import { describe, expect, it } from "vitest";
import { baseImage } from "./base-image.js";

describe("baseImage", () => {
  it("is the image scripts/engines/base-image.sh imports by default", () => {
    expect(baseImage({})).toBe("bento-base:bookworm");
  });

  it("follows BENTO_TEST_BASE_IMAGE, ignoring a blank value", () => {
    expect(baseImage({ BENTO_TEST_BASE_IMAGE: "my-base:1" })).toBe("my-base:1");
    expect(baseImage({ BENTO_TEST_BASE_IMAGE: "  " })).toBe("bento-base:bookworm");
  });
});
