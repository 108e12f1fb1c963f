import { liveCapabilities, validateOptions } from "@bento/container-core";
import { describe, expect, it } from "vitest";
import { dockerCapabilities, dockerOptions } from "./options.js";

describe("docker capabilities", () => {
  it("has BuildKit features from docker 18.09 and no push", () => {
    expect(liveCapabilities(dockerCapabilities, "20.10.24+dfsg1")).toMatchObject({
      buildkitSyntax: true,
      cacheMount: true,
      secretMount: true,
      progress: true,
      push: false,
      reproducibleTimestamps: false,
    });
    expect(liveCapabilities(dockerCapabilities, "18.06.3-ce").cacheMount).toBe(false);
    expect(liveCapabilities(dockerCapabilities, "28.2.2").reproducibleTimestamps).toBe(true);
  });
});

describe("docker option validation", () => {
  it("rejects unknown options with the nearest one and wrong enumerations with the values", () => {
    expect(() => validateOptions("docker", dockerOptions, { buildArgs: { A: "1" } })).toThrow(
      'Unknown option "buildArgs" for the docker backend. Did you mean "buildArg"?',
    );
    expect(() => validateOptions("docker", dockerOptions, { isolation: "vm" })).toThrow(
      'Option "isolation" of the docker backend must be one of default, process, hyperv, not the string "vm".',
    );
  });
});
