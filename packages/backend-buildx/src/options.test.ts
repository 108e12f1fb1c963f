import { liveCapabilities } from "@bento/container-core";
import { describe, expect, it } from "vitest";
import { buildxCapabilities } from "./options.js";

describe("buildx capabilities", () => {
  it("has attestations from buildx 0.11", () => {
    expect(liveCapabilities(buildxCapabilities, "0.13.1+ds1")).toMatchObject({
      attestations: true,
      push: true,
      load: true,
      multiPlatform: true,
    });
    expect(liveCapabilities(buildxCapabilities, "0.10.5").attestations).toBe(false);
  });
});
