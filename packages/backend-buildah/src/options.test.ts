import { liveCapabilities, validateOptions } from "@bento/container-core";
import { describe, expect, it } from "vitest";
import { buildahCapabilities, buildahOptions } from "./options.js";

describe("buildah capabilities", () => {
  it("has cache and secret mounts from buildah 1.24, and no --progress", () => {
    expect(liveCapabilities(buildahCapabilities, "1.28.2")).toMatchObject({
      cacheMount: true,
      secretMount: true,
      reproducibleTimestamps: true,
      progress: false,
    });
    expect(liveCapabilities(buildahCapabilities, "1.23.1").cacheMount).toBe(false);
    expect(liveCapabilities(buildahCapabilities, undefined).cacheMount).toBe(false);
  });
});

describe("buildah option validation", () => {
  it("names the closest option and the expected type", () => {
    expect(() => validateOptions("buildah", buildahOptions, { pullAllways: true })).toThrow(
      'Unknown option "pullAllways" for the buildah backend. Did you mean "pullAlways"?',
    );
    expect(() => validateOptions("buildah", buildahOptions, { jobs: "4" })).toThrow(
      'Option "jobs" of the buildah backend must be a number, not the string "4".',
    );
    expect(() =>
      validateOptions("buildah", buildahOptions, { extraArgs: ["--logsplit"], layers: false }),
    ).not.toThrow();
  });
});
