import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { renderCached } from "./render-cache.js";

let work: string;
let cache: { dir: string; templates: Record<string, string>; engineFile: string };
let renders: number;

const plan = { template: "v2.liquid", variables: { base: "python:3.11-slim", envs: [{ k: 1 }] } };
const render =
  (body = "FROM python:3.11-slim") =>
  async () => {
    renders += 1;
    return body;
  };

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), "bento-render-cache-"));
  cache = {
    dir: join(work, "rendered"),
    templates: { "v2.liquid": "FROM {{ base }}" },
    engineFile: join(work, "engine.js"),
  };
  await writeFile(cache.engineFile, "// filters");
  renders = 0;
});

afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

describe("the rendered-template cache", () => {
  it("renders once, then reads the body back for the same template and variables", async () => {
    expect(await renderCached(plan, cache, render())).toBe("FROM python:3.11-slim");
    expect(await renderCached(plan, cache, render("other"))).toBe("FROM python:3.11-slim");
    expect(renders).toBe(1);
    expect(await readdir(cache.dir)).toHaveLength(1);
  });

  it("renders again when a variable, the template name, a template file or the engine changes", async () => {
    await renderCached(plan, cache, render());
    await renderCached(
      { ...plan, variables: { ...plan.variables, envs: [{ k: 2 }] } },
      cache,
      render(),
    );
    await renderCached({ ...plan, template: "other.liquid" }, cache, render());
    expect(renders).toBe(3);
    cache.templates = { ...cache.templates, "_partial.liquid": "added" };
    await renderCached(plan, cache, render());
    cache.templates = { ...cache.templates, "v2.liquid": "FROM {{ base }} AS changed" };
    await renderCached(plan, cache, render());
    await writeFile(cache.engineFile, "// a new filter");
    await renderCached(plan, cache, render());
    expect(renders).toBe(6);
  });

  it("keeps nothing without a folder, and replaces a file where its folder belongs", async () => {
    await renderCached(plan, { ...cache, dir: undefined }, render());
    await renderCached(plan, { ...cache, dir: undefined }, render());
    expect(renders).toBe(2);
    const blocked = { ...cache, dir: join(work, "a-file") };
    await writeFile(blocked.dir, "not a folder");
    expect(await renderCached(plan, blocked, render())).toBe("FROM python:3.11-slim");
    expect(await renderCached(plan, blocked, render())).toBe("FROM python:3.11-slim");
    expect(renders).toBe(3);
    expect((await readdir(work)).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  it("renders again over a kept body that was truncated, garbled or replaced by a folder", async () => {
    const body = `${"RUN echo layer\n".repeat(200)}CMD ["bentoml"]\n`;
    await renderCached(plan, cache, render(body));
    const [file] = await readdir(cache.dir);
    const path = join(cache.dir, file!);
    const kept = await readFile(path, "utf8");
    for (const damage of [kept.slice(0, kept.length - 10), "\0\0garbage", "", kept.slice(0, 20)]) {
      await writeFile(path, damage);
      expect(await renderCached(plan, cache, render(body))).toBe(body);
      expect(await readFile(path, "utf8")).toBe(kept);
    }
    await rm(path);
    await mkdir(join(path, "inside"), { recursive: true });
    expect(await renderCached(plan, cache, render(body))).toBe(body);
    expect(await readFile(path, "utf8")).toBe(kept);
    expect(renders).toBe(6);
  });

  it("writes the body whole: what is read back is what was rendered", async () => {
    const body = `${"RUN echo layer\n".repeat(2000)}CMD ["bentoml"]\n`;
    await renderCached(plan, cache, render(body));
    const [file] = await readdir(cache.dir);
    expect(await readFile(join(cache.dir, file!), "utf8")).toMatch(/^[0-9a-f]{32}\n/);
    expect((await readFile(join(cache.dir, file!), "utf8")).endsWith(body)).toBe(true);
    expect(await renderCached(plan, cache, render())).toBe(body);
  });
});
