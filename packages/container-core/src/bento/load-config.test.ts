import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BentoNotFoundError, BentoYamlError } from "../errors.js";
import { loadBentoConfig } from "./load-config.js";

describe("loadBentoConfig", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "bento-config-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("reads <dir>/bento.yaml", async () => {
    await writeFile(join(dir, "bento.yaml"), "name: a\nversion: v1\nservice: s:svc\nspec: 2\n");
    const config = await loadBentoConfig(dir);
    expect(config).toMatchObject({ name: "a", version: "v1", spec: 2 });
  });

  it("names the file in validation errors", async () => {
    await writeFile(join(dir, "bento.yaml"), "name: a\nversion: v1\nservice: s\nenvs: x\n");
    const error = await loadBentoConfig(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BentoYamlError);
    expect((error as Error).message).toBe(`${join(dir, "bento.yaml")}: envs must be a list`);
  });

  it("says when the directory holds no bento.yaml", async () => {
    await expect(loadBentoConfig(dir)).rejects.toBeInstanceOf(BentoNotFoundError);
    await expect(loadBentoConfig(join(dir, "nope"))).rejects.toThrow(/No bento.yaml in/);
  });
});
