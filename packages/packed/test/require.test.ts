import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { compileApp, mustRun, packed } from "./helpers/packed.js";
import { readmeBlocks } from "./helpers/readme.js";

// (3) CommonJS: a script requires core and a backend; the README's `.cts`
// consumer type-checks under nodenext and runs.

const SCRIPT = `"use strict";
const core = require("@bento/container-core");
require("@bento/backend-docker");
const argv = core.getBackend("docker").constructBuildArgs({ contextPath: ".", tag: ["a:1"], noCache: true });
let code;
try {
  core.getBackend("nope");
} catch (error) {
  code = core.isBentoError(error) && error.code;
}
process.stdout.write(JSON.stringify({ backends: core.listBackends().map((b) => b.name), argv, code }));
`;

describe("CommonJS consumers of the packed packages", () => {
  let dir: string;

  beforeAll(async () => {
    dir = join(packed().app, "cjs-app");
    await mkdir(join(dir, "src"), { recursive: true });
    await writeFile(join(dir, "package.json"), '{ "type": "commonjs" }\n');
  });

  it("a script requires core and a backend", async () => {
    await writeFile(join(dir, "script.js"), SCRIPT);
    const { stdout } = await mustRun([process.execPath, "script.js"], { cwd: dir });
    expect(JSON.parse(stdout)).toEqual({
      backends: ["docker"],
      argv: ["--tag", "a:1", "--no-cache", "."],
      code: "E_UNKNOWN_BACKEND",
    });
  });

  it("the README's .cts consumer type-checks and runs", async () => {
    const [block] = readmeBlocks().filter((b) => b.title === "app.cts");
    expect(block).toBeDefined();
    await writeFile(join(dir, "src/app.cts"), block!.code);
    const checked = await compileApp(dir);
    expect(checked.stdout + checked.stderr).toBe("");
    const { stdout } = await mustRun([process.execPath, "dist/app.cjs"], { cwd: dir });
    expect(stdout).toBe("[ 'docker' ] docker\n");
  });
});
