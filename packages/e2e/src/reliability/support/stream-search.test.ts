import { describe, expect, it } from "vitest";
import { stdoutContains } from "./stream-search.js";

const node = (script: string) => [process.execPath, "-e", script];

describe("stdoutContains", () => {
  it("finds a needle split across chunks, and not one that is absent", async () => {
    const script = `const w = (s) => new Promise((r) => process.stdout.write(s, r));
      (async () => { await w("x".repeat(70000) + "nee"); await new Promise((r) => setTimeout(r, 20)); await w("dle" + "y".repeat(10)); })();`;
    expect(await stdoutContains(node(script), ["needle", "needles", "xy"])).toEqual([
      true,
      false,
      false,
    ]);
  });

  it("rejects when the command fails", async () => {
    await expect(stdoutContains(node("process.exit(3)"), ["x"])).rejects.toThrow(/exited 3/);
  });
});
