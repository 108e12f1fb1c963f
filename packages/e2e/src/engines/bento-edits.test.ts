import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { tempDir } from "@bento/test-support";
import { afterEach, describe, expect, it } from "vitest";
import { addBuildStageEnv, SECRET_MARKER } from "./bento-edits.js";

const YAML = `name: x
envs:
  - name: A
    value: "1"
image:
  commands: []
  post_commands:
    - echo hi
`;

const dirs: { cleanup(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => dir.cleanup()));
});

describe("addBuildStageEnv", () => {
  it("adds the env without a value and a first post_commands step hashing it", async () => {
    const dir = await tempDir("bento-edits-");
    dirs.push(dir);
    await writeFile(join(dir.path, "bento.yaml"), YAML);
    await addBuildStageEnv(dir.path, "TOKEN", "n0nce");
    expect(await readFile(join(dir.path, "bento.yaml"), "utf8")).toBe(`name: x
envs:
  - name: TOKEN
    stage: build
  - name: A
    value: "1"
image:
  commands: []
  post_commands:
    - ': n0nce; printf %s "$TOKEN" | sha256sum | cut -d" " -f1 > /tmp/${SECRET_MARKER}'
    - echo hi
`);
  });

  it("refuses a bento.yaml without the anchors it edits", async () => {
    const dir = await tempDir("bento-edits-");
    dirs.push(dir);
    await writeFile(join(dir.path, "bento.yaml"), "name: x\n");
    await expect(addBuildStageEnv(dir.path, "TOKEN", "n")).rejects.toThrow(/exactly one/);
  });
});
