import { describe, expect, it } from "vitest";
import { parseServerVersion } from "./docker-server.js";

describe("parseServerVersion", () => {
  it.each([
    ['"20.10.24+dfsg1"\n', "20.10.24+dfsg1"],
    ['"28.2.2"', "28.2.2"],
    ["", undefined],
    ["null", undefined],
    ['"dev"', undefined],
    ["20.10.24", undefined],
  ])("%j → %s", (stdout, expected) => {
    expect(parseServerVersion(stdout)).toBe(expected);
  });
});
