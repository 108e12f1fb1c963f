import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pluginNames, resolvePlugin } from "./plugins.js";

let dir: string;

async function writePackage(name: string, pkg: object, files: Record<string, string>) {
  const root = join(dir, "node_modules", name);
  await mkdir(root, { recursive: true });
  await writeFile(join(root, "package.json"), JSON.stringify({ name, ...pkg }));
  for (const [file, text] of Object.entries(files)) await writeFile(join(root, file), text);
  return root;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "bento-cli-plugins-"));
  await writeFile(join(dir, "package.json"), "{}");
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("pluginNames", () => {
  it("merges BENTO_BACKEND_PLUGINS and --plugin, once each", () => {
    expect(pluginNames(["b", "c"], { BENTO_BACKEND_PLUGINS: "a, b,," })).toEqual(["a", "b", "c"]);
    expect(pluginNames([], {})).toEqual([]);
  });
});

describe("resolvePlugin", () => {
  it("resolves a CommonJS-resolvable package from the working directory", async () => {
    const root = await writePackage("plain-plugin", { main: "main.js" }, { "main.js": "" });
    expect(resolvePlugin("plain-plugin", dir)).toBe(join(root, "main.js"));
  });

  it("resolves an ESM-only package by its import condition", async () => {
    const root = await writePackage(
      "@acme/esm-plugin",
      { type: "module", exports: { ".": { types: "./x.d.ts", import: "./dist/index.js" } } },
      {},
    );
    expect(resolvePlugin("@acme/esm-plugin", dir)).toBe(join(root, "dist/index.js"));
  });

  it("takes a path to a file or a package directory", async () => {
    const root = await writePackage("by-path", { module: "m.js" }, { "m.js": "" });
    expect(resolvePlugin(root, "/")).toBe(join(root, "m.js"));
    expect(resolvePlugin("./node_modules/by-path/m.js", dir)).toBe(join(root, "m.js"));
  });

  it("says where it looked when a plugin is missing", () => {
    expect(() => resolvePlugin("no-such-plugin-xyz", dir)).toThrow(
      expect.objectContaining({
        code: "E_USAGE",
        message: `The backend plugin "no-such-plugin-xyz" was not found from ${dir}.`,
      }),
    );
  });
});
