import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "./temp-dir.js";

describe("tempDir", () => {
  it("makes a fresh directory and removes it with all it holds", async () => {
    const dir = await tempDir();
    await mkdir(join(dir.path, "sub"));
    await writeFile(join(dir.path, "sub", "f"), "x");
    expect(existsSync(join(dir.path, "sub", "f"))).toBe(true);
    await dir.cleanup();
    expect(existsSync(dir.path)).toBe(false);
    await dir.cleanup();
  });

  it("makes it under BENTO_TEST_TMPDIR when set", async () => {
    const parent = await tempDir();
    const child = await tempDir("inner-", { BENTO_TEST_TMPDIR: parent.path });
    expect(child.path.startsWith(join(parent.path, "inner-"))).toBe(true);
    await parent.cleanup();
  });
});
