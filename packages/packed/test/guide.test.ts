import { mkdir, symlink, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { compileApp, mustRun, packed, tsc } from "./helpers/packed.js";
import { readmeBlocks } from "./helpers/readme.js";

// (6) The README's "Writing a backend" package, written out verbatim from its
// blocks: it compiles against the packed core, its test passes with the
// published test helpers, and `bento --plugin` loads it by name.

describe("the README's third-party backend", () => {
  let dir: string;

  beforeAll(async () => {
    dir = join(packed().app, "guide-backend");
    const files = readmeBlocks().filter(
      (block) =>
        block.readme === "README.md" && block.section === "Writing a backend" && block.title,
    );
    expect(files.map((file) => file.title)).toEqual([
      "package.json",
      "tsconfig.json",
      "src/options.ts",
      "src/args.ts",
      "src/health.ts",
      "src/index.ts",
      "src/health.test.ts",
    ]);
    for (const file of files) {
      await mkdir(dirname(join(dir, file.title!)), { recursive: true });
      await writeFile(join(dir, file.title!), file.code);
    }
    // Installed in the project by name, as `npm install ./guide-backend` would link it.
    await symlink(dir, join(packed().app, "node_modules/bento-backend-kaniko"));
  });

  it("compiles with its own tsconfig", async () => {
    const result = await tsc("tsconfig.json", dir);
    expect(result.stdout + result.stderr).toBe("");
    expect(result.exitCode).toBe(0);
  });

  it("passes its own test, which uses @bento/backend-testing's recording stand-in", async () => {
    const { stdout } = await mustRun([process.execPath, "--test", "dist/health.test.js"], {
      cwd: dir,
    });
    expect(stdout).toMatch(/# pass 1\b/);
    expect(stdout).toMatch(/# fail 0\b/);
  });

  it("registers on import, with its options typed for build()", async () => {
    const consumer = `import { build, getBackend } from "@bento/container-core";
import "bento-backend-kaniko";

export const ok = () => build("b", { backend: "kaniko", tarPath: "/out/image.tar", snapshotMode: "redo" });
// @ts-expect-error iidfile is docker's, not kaniko's
export const wrong = () => build("b", { backend: "kaniko", iidfile: "id" });
process.stdout.write(JSON.stringify(getBackend("kaniko").constructBuildArgs({ contextPath: "/ctx", tag: ["a:1"] })));
`;
    const app = join(packed().app, "guide-consumer");
    await mkdir(join(app, "src"), { recursive: true });
    await writeFile(join(app, "src/main.ts"), consumer);
    const checked = await compileApp(app);
    expect(checked.stdout + checked.stderr).toBe("");
    const { stdout } = await mustRun([process.execPath, "dist/main.js"], { cwd: app });
    expect(JSON.parse(stdout)).toEqual([
      "--context",
      "dir:///ctx",
      "--destination",
      "a:1",
      "--no-push",
    ]);
  });

  it("shows in bento backends --plugin bento-backend-kaniko", async () => {
    const bento = join(packed().app, "node_modules/.bin/bento");
    const { stdout } = await mustRun(
      [bento, "backends", "--plugin", "bento-backend-kaniko", "--json"],
      {
        cwd: packed().app,
      },
    );
    const backends = JSON.parse(stdout) as { name: string; source?: string }[];
    const kaniko = backends.find((backend) => backend.name === "kaniko");
    expect(kaniko).toMatchObject({ name: "kaniko" });
    expect(JSON.stringify(kaniko)).toContain("snapshot-mode");
  });
});
