import { describe, expect, it } from "vitest";
import { formatBytes, formatMs, formatRatio } from "./format.js";

describe("format", () => {
  it.each([
    [312.4, "312 ms"],
    [4212, "4.21 s"],
    [41_230, "41.2 s"],
  ])("formatMs(%d) is %s", (ms, text) => {
    expect(formatMs(ms)).toBe(text);
  });

  it.each([
    [512, "512 B"],
    [3481, "3.40 KiB"],
    [1024 ** 3 + 40_960, "1.00 GiB"],
    [150 * 1024 ** 2, "150.0 MiB"],
  ])("formatBytes(%d) is %s", (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });

  it.each([
    [1.049, "1.05x"],
    [14.23, "14.2x"],
    [250.4, "250x"],
    [Number.POSITIVE_INFINITY, "∞"],
  ])("formatRatio(%d) is %s", (ratio, text) => {
    expect(formatRatio(ratio)).toBe(text);
  });
});
