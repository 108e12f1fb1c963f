import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { type TempDir, tempDir } from "@bento/test-support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runApp } from "./run-app.js";

// Ctrl+C during a build: a stand-in backend (test/fixtures/sleepy-backend.mjs)
// prints two steps and sleeps; SIGINT must stop it, clean up, print
// "cancelled" and exit 130.

describe("node-app Ctrl+C", () => {
  let dir: TempDir;
  beforeAll(async () => {
    dir = await tempDir("node-app-cancel-");
  });
  afterAll(() => dir.cleanup());

  it("aborts the build, waits for cleanup and exits 130", async () => {
    const marker = join(dir.path, "sleeper-stopped");
    const cache = join(dir.path, "cache");
    const run = runApp(
      [
        "examples/bentos/iris-classifier",
        "--backend",
        "sleepy",
        "--plugin",
        "examples/node-app/test/fixtures/sleepy-backend.mjs",
      ],
      {
        ...process.env,
        BENTOML_HOME: "examples/bentoml-home",
        BENTO_CONTAINER_CACHE_DIR: cache,
        SLEEPER_MARKER: marker,
      },
    );
    await run.waitForStderr("[2/3] RUN sleep 600");
    run.child.kill("SIGINT");
    const { code } = await run.exit;

    expect(code, run.stderr()).toBe(130);
    expect(run.stderr()).toMatch(/cancelling: .*\ncancelled\n$/);
    expect(run.stdout()).toBe("");
    expect(await readFile(marker, "utf8")).toBe("stopped by SIGTERM\n");
    // build() removed its per-run directory before rejecting.
    expect((await readdir(cache)).filter((name) => name.startsWith("run-"))).toEqual([]);
  });
});
