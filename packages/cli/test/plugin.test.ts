import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./helpers/run-cli.js";
import { cliSandbox } from "./helpers/sandbox.js";
import { installStandinPlugin, PLUGIN } from "./helpers/standin-plugin.js";

const box = cliSandbox(async (box) => {
  await installStandinPlugin(box);
  const broken = join(box.root, "node_modules", "bento-backend-broken");
  await mkdir(broken, { recursive: true });
  await writeFile(
    join(broken, "package.json"),
    '{ "name": "bento-backend-broken", "main": "index.js" }',
  );
  await writeFile(join(broken, "index.js"), 'throw new Error("cannot find kaniko executor");\n');
});

describe("backend plugins", () => {
  it("--plugin loads a package from the working directory, which registers its backend", async () => {
    const result = await runCli(["backends", "--plugin", PLUGIN], {
      env: box().env(),
      cwd: box().root,
    });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain(`standin  recording stand-in\n  from:     ${PLUGIN}\n`);
    expect(result.stdout).toMatch(/^ {4}shm-size +NUMBER +Size of \/dev\/shm$/m);
    expect(result.stdout).toMatch(/^docker /m);
  });

  it("BENTO_BACKEND_PLUGINS loads plugins too, and health checks them", async () => {
    const env = box().env({ BENTO_BACKEND_PLUGINS: PLUGIN });
    const result = await runCli(["health", "standin"], { env, cwd: box().root });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(
      new RegExp(`^standin +healthy +1\\.0\\.0 +${box().bin}/standin-build\\n`, "m"),
    );
  });

  it("a plugin that is not installed is a usage error", async () => {
    const result = await runCli(["backends", "--plugin", "bento-backend-missing"], {
      env: box().env(),
      cwd: box().root,
    });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(
      /^error: The backend plugin "bento-backend-missing" was not found from /,
    );
    expect(result.stderr).toContain("npm install bento-backend-missing");
  });

  it("a plugin that throws on import is a usage error naming it and why", async () => {
    const result = await runCli(["backends", "--plugin", "bento-backend-broken"], {
      env: box().env(),
      cwd: box().root,
    });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(
      /^error: The backend plugin "bento-backend-broken" failed to load from .*index\.js: cannot find kaniko executor\n/,
    );
    expect(result.stderr).not.toContain("    at ");
  });

  it("--debug adds the stack trace", async () => {
    const result = await runCli(["backends", "--debug", "--plugin", "bento-backend-broken"], {
      env: box().env(),
      cwd: box().root,
    });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/Caused by:\nError: cannot find kaniko executor\n\s+at /);
  });
});
