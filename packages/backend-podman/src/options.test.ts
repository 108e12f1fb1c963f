import { liveCapabilities, OptionError, validateOptions } from "@bento/container-core";
import { describe, expect, it } from "vitest";
import { podmanCapabilities, podmanOptions } from "./options.js";

describe("podman capabilities", () => {
  it("has cache and secret mounts from podman 4.0, and never --progress", () => {
    expect(liveCapabilities(podmanCapabilities, "4.3.1")).toMatchObject({
      cacheMount: true,
      secretMount: true,
      reproducibleTimestamps: true,
      imageIdOutput: true,
      progress: false,
      buildkitSyntax: false,
    });
    expect(liveCapabilities(podmanCapabilities, "3.4.4")).toMatchObject({
      cacheMount: false,
      secretMount: false,
    });
  });
});

describe("podman option validation", () => {
  it("accepts a boolean or a policy for pull, and names the policies otherwise", () => {
    expect(() => validateOptions("podman", podmanOptions, { pull: true })).not.toThrow();
    expect(() => validateOptions("podman", podmanOptions, { pull: "newer" })).not.toThrow();
    expect(() => validateOptions("podman", podmanOptions, { pull: "sometimes" })).toThrow(
      'Option "pull" of the podman backend must be true, false or one of always, true, missing, never, false, newer, not the string "sometimes".',
    );
  });

  it("names the closest option for a typo and refuses docker-only ones", () => {
    expect(() =>
      validateOptions("podman", podmanOptions, { usernsUidmap: ["0", "1", "2"] }),
    ).toThrow('Unknown option "usernsUidmap" for the podman backend. Did you mean "usernsUidMap"?');
    expect(() => validateOptions("podman", podmanOptions, { progress: "plain" })).toThrow(
      OptionError,
    );
  });
});
