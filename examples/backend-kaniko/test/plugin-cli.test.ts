import { existsSync } from "node:fs";
import { mkdir, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  exec,
  type RecordingStandIn,
  recordingStandIn,
  type TempDir,
  tempDir,
} from "@bento/backend-testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// `bento --plugin bento-backend-kaniko` as an outsider runs it: a project that
// has the package in its node_modules, the built CLI, and the built plugin.

const CLI = fileURLToPath(new URL("../../../packages/cli/dist/bin.js", import.meta.url));
const PACKAGE = fileURLToPath(new URL("..", import.meta.url));

function bento(args: string[], cwd: string, env: NodeJS.ProcessEnv) {
  return exec([process.execPath, CLI, ...args], { cwd, env, timeoutMs: 30_000 });
}

describe("bento --plugin bento-backend-kaniko", () => {
  let project: TempDir;
  let executor: RecordingStandIn;

  beforeAll(async () => {
    for (const [what, file] of [
      ["the bento CLI", CLI],
      ["this package", join(PACKAGE, "dist/index.js")],
    ] as const) {
      if (!existsSync(file)) throw new Error(`${what} is not built (${file}); run pnpm build.`);
    }
    project = await tempDir("kaniko-plugin-project-");
    await writeFile(
      join(project.path, "package.json"),
      '{ "name": "outsider", "private": true }\n',
    );
    await mkdir(join(project.path, "node_modules"));
    await symlink(PACKAGE, join(project.path, "node_modules/bento-backend-kaniko"), "dir");
    executor = await recordingStandIn("executor", { versionOutput: "Kaniko version :  v1.23.2\n" });
  });
  afterAll(async () => {
    await project?.cleanup();
    await executor?.cleanup();
  });

  it("lists kaniko, where it came from, and its options", async () => {
    const result = await bento(["backends", "--plugin", "bento-backend-kaniko"], project.path, {
      ...process.env,
      BENTO_BACKEND_PLUGINS: "",
    });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^kaniko\s+kaniko executor/m);
    expect(result.stdout).toContain("bento-backend-kaniko");
    expect(result.stdout).toMatch(/strip-timestamps\s+\(flag\)/);
    expect(result.stdout).toMatch(/snapshot-mode\s+full\|redo\|time/);
  });

  it("loads it from BENTO_BACKEND_PLUGINS too, and checks its health", async () => {
    const result = await bento(["health", "kaniko"], project.path, {
      ...process.env,
      BENTO_BACKEND_PLUGINS: "bento-backend-kaniko",
      PATH: executor.pathEnv(),
    });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toContain("1.23.2");
    expect((await executor.calls()).map((call) => call.argv)).toEqual([["version"]]);
  });
});
