import { describe, expect, it } from "vitest";
import { shellQuote } from "./quote.js";

describe("shellQuote", () => {
  it.each([
    ["git", "git"],
    ["libgl1-mesa-glx", "libgl1-mesa-glx"],
    ["python3.11=3.11.2-6", "python3.11=3.11.2-6"],
    ["", "''"],
    ["a b", "'a b'"],
    ["$(reboot)", "'$(reboot)'"],
    ["it's", `'it'"'"'s'`],
    ["a;rm -rf /", "'a;rm -rf /'"],
    ["x\ty", "'x\ty'"],
  ])("%j -> %s", (value, quoted) => {
    expect(shellQuote(value)).toBe(quoted);
  });
});
