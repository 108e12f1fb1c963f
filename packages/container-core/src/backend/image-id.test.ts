import { describe, expect, it } from "vitest";
import { parseIidfile } from "./image-id.js";

const hex = "b6bb3da5d68bccb55c8cf2db9e736c670e45d44280c9ad9a8231b45ddcfd06aa";

describe("parseIidfile", () => {
  it.each([
    [`sha256:${hex}`, `sha256:${hex}`],
    [`sha256:${hex}\n`, `sha256:${hex}`],
    [hex, `sha256:${hex}`],
    ["", undefined],
    ["sha256:abc", undefined],
    [`sha512:${hex}`, undefined],
    ["Error: something went wrong", undefined],
  ])("%j → %s", (content, expected) => {
    expect(parseIidfile(content)).toBe(expected);
  });
});
