import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { condaPythonVersion, usesConda } from "./conda.js";

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

async function bentoWithEnvironment(yml?: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "bento-conda-"));
  dirs.push(dir);
  if (yml !== undefined) {
    await mkdir(join(dir, "env/conda"), { recursive: true });
    await writeFile(join(dir, "env/conda/environment.yml"), yml);
  }
  return dir;
}

describe("conda's Python version", () => {
  it.each([
    ["dependencies:\n- python=3.10\n", "3.10"],
    ["dependencies:\n  - numpy\n  - python=3.9\r\n", "3.9"],
    ["dependencies:\n- python=3.10.4\n", "3.11"],
    ["dependencies:\n- python=3.10  # pinned\n", "3.11"],
    ["dependencies:\n- pythonx\n", "3.11"],
  ])("environment.yml %j gives %s", async (yml, version) => {
    expect(await condaPythonVersion(await bentoWithEnvironment(yml), "3.11")).toBe(version);
  });

  it("falls back to docker.python_version without environment.yml", async () => {
    expect(await condaPythonVersion(await bentoWithEnvironment(), "3.12")).toBe("3.12");
  });

  it("counts conda as used when any option is set", () => {
    expect(usesConda({})).toBe(false);
    expect(usesConda({ dependencies: [], pip: [] })).toBe(false);
    expect(usesConda({ dependencies: ["numpy"] })).toBe(true);
    expect(usesConda({ pip: ["x"] })).toBe(true);
    expect(usesConda({ channels: ["conda-forge"] })).toBe(true);
    expect(usesConda({ environment_yml: "env.yml" })).toBe(true);
  });
});
