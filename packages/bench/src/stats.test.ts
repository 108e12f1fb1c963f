import { describe, expect, it } from "vitest";
import { median, speedup, summarize } from "./stats.js";

describe("median", () => {
  it.each([
    [[3], 3],
    [[5, 1, 3], 3],
    [[4, 1, 3, 2], 2.5],
    [[10, 10, 1000], 10],
  ])("of %j is %d", (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  it("refuses an empty list", () => {
    expect(() => median([])).toThrow(RangeError);
  });
});

describe("summarize and speedup", () => {
  it("keeps the samples and their range", () => {
    expect(summarize([30, 10, 20])).toEqual({
      median: 20,
      min: 10,
      max: 30,
      samples: [30, 10, 20],
    });
  });

  it("divides the slow median by the fast one", () => {
    expect(speedup(summarize([40, 42, 44]), summarize([2, 2.1, 1.9]))).toBe(21);
    expect(speedup(summarize([1]), summarize([0]))).toBe(Number.POSITIVE_INFINITY);
  });
});
