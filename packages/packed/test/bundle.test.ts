import { cp, mkdir, readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { build } from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";
import {
  EXAMPLE_BENTO,
  EXAMPLE_HOME,
  mustRun,
  nodeOnlyPath,
  packed,
  REPO,
} from "./helpers/packed.js";

// (4) The node-app example bundled with esbuild, as the README says, runs a
// dry run from a folder with nothing beside the bundle: no node_modules, no templates.

describe("an esbuild bundle of the node-app example", () => {
  let out: string;

  beforeAll(async () => {
    const src = join(packed().app, "node-app/src");
    await mkdir(src, { recursive: true });
    const sources = join(REPO, "examples/node-app/src");
    for (const file of await readdir(sources))
      if (!file.endsWith(".test.ts")) await cp(join(sources, file), join(src, file));
    out = join(packed().root, "bundle");
    await rm(out, { recursive: true, force: true });
    await build({
      entryPoints: [join(src, "main.ts")],
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      outfile: join(out, "main.mjs"),
      banner: {
        js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
      },
      logLevel: "error",
    });
  });

  it("holds one file", async () => {
    expect(await readdir(out)).toEqual(["main.mjs"]);
  });

  it("runs a dry run with no engine on PATH", async () => {
    const env = {
      PATH: await nodeOnlyPath(packed().root),
      HOME: packed().root,
      BENTOML_HOME: EXAMPLE_HOME,
      BENTO_CONTAINER_CACHE_DIR: join(packed().root, "bundle-cache"),
    };
    const argv = [process.execPath, "main.mjs", EXAMPLE_BENTO, "--dry-run", "--backend", "podman"];
    const { stdout, stderr } = await mustRun(argv, { cwd: out, env });
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ dryRun: true, backend: "podman" });
    expect(result.argv.slice(0, 2)).toEqual(["podman", "build"]);
    expect(result.containerfile).toMatch(/^FROM /m);
    expect(stderr).toContain("Dry run: the podman backend cannot build on this machine");
  });
});
