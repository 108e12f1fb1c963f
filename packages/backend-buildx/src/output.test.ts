import { describe, expect, it } from "vitest";
import { isLocalOutput, platformCount } from "./output.js";

describe("isLocalOutput", () => {
  it.each([
    [undefined, false],
    [{ type: "local", dest: "out" }, true],
    [{ type: "docker" }, false],
    ["type=local,dest=out", true],
    ["dest=out,type=local", true],
    ["type=oci,dest=out.tar", false],
    ["out", true],
    ["-", false],
    [["type=docker", "type=local,dest=x"], true],
    [["type=registry"], false],
  ] as const)("%j → %s", (output, expected) => {
    expect(isLocalOutput(output)).toBe(expected);
  });
});

describe("platformCount", () => {
  it.each([
    [undefined, 0],
    ["linux/amd64", 1],
    ["linux/amd64,linux/arm64", 2],
    [["linux/amd64", "linux/arm64,linux/s390x"], 3],
    ["", 0],
  ] as const)("%j → %d", (platform, expected) => {
    expect(platformCount(platform)).toBe(expected);
  });
});
