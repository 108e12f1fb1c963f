import { describe, expect, it } from "vitest";
import { flagValues } from "./argv-flags.js";

describe("flagValues", () => {
  it("collects the value after each occurrence, ignoring a trailing flag", () => {
    const argv = ["build", "--opt", "a=1", "--tag", "t", "--opt", "b:2", "--opt"];
    expect(flagValues(argv, "--opt")).toEqual(["a=1", "b:2"]);
    expect(flagValues(argv, "--file")).toEqual([]);
  });
});
