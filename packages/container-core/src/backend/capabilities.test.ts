import { describe, expect, it } from "vitest";
import { type CapabilityTable, isSupported, liveCapabilities } from "./capabilities.js";

describe("isSupported", () => {
  it.each([
    [true, undefined, true],
    [false, "9.9", false],
    [undefined, "9.9", false],
    [{ since: "4.0" }, "4.3.1", true],
    [{ since: "4.0" }, "4.0", true],
    [{ since: "4.0" }, "3.4.7", false],
    [{ since: "4.0" }, undefined, false],
    [{ since: "0.11" }, "0.10.4", false],
  ] as const)("%o with version %s → %s", (support, version, expected) => {
    expect(isSupported(support, version)).toBe(expected);
  });
});

describe("liveCapabilities", () => {
  it("evaluates every capability, absent ones as unsupported", () => {
    const table: CapabilityTable = { cacheMount: { since: "1.24" }, load: true, progress: false };
    expect(liveCapabilities(table, "1.28.2")).toEqual({
      buildkitSyntax: false,
      cacheMount: true,
      secretMount: false,
      multiPlatform: false,
      push: false,
      load: true,
      attestations: false,
      imageIdOutput: false,
      reproducibleTimestamps: false,
      progress: false,
    });
    expect(liveCapabilities(table, "1.23").cacheMount).toBe(false);
  });
});
