import { describe, expect, it } from "vitest";
import { colorEnabled, paint } from "./style.js";

describe("colorEnabled", () => {
  it.each([
    [true, {}, true],
    [false, {}, false],
    [true, { NO_COLOR: "1" }, false],
    [true, { NO_COLOR: "" }, true],
    [true, { TERM: "dumb" }, false],
  ])("terminal=%s env=%j gives %s", (isTTY, env, expected) => {
    expect(colorEnabled({ isTTY, write: () => {} }, env)).toBe(expected);
  });

  it("paints only when enabled", () => {
    expect(paint("x", "green", false)).toBe("x");
    expect(paint("x", "green", true)).toBe("\u001b[32mx\u001b[0m");
  });
});
