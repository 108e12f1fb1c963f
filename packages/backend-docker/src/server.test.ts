import { describe, expect, it } from "vitest";
import { parseDockerVersions } from "./server.js";

describe("parseDockerVersions", () => {
  it.each([
    ['"20.10.24+dfsg1" "28.2.2"\n', { version: "20.10.24+dfsg1", clientVersion: "28.2.2" }],
    ['"28.2.2"', { version: "28.2.2", clientVersion: undefined }],
    ['"28.2.2" "dev"', { version: "28.2.2", clientVersion: undefined }],
    ["", { version: undefined, clientVersion: undefined }],
    ["null", { version: undefined, clientVersion: undefined }],
    ['"dev" "28.2.2"', { version: undefined, clientVersion: "28.2.2" }],
    ["20.10.24", { version: undefined, clientVersion: undefined }],
  ])("%j → %j", (stdout, expected) => {
    expect(parseDockerVersions(stdout)).toEqual(expected);
  });
});
