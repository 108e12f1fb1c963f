import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { ExecResult } from "@bento/backend-testing";
import { beforeAll, describe, expect, it } from "vitest";
import {
  EXAMPLE_BENTO,
  EXAMPLE_HOME,
  mustRun,
  nodeOnlyPath,
  packed,
  tsc,
} from "./helpers/packed.js";

// (1) a strict nodenext TypeScript app on core and one backend type-checks, and
// wrong options do not; (2) it runs a dry run with no engine on PATH.

const TSCONFIG = {
  compilerOptions: {
    module: "nodenext",
    target: "es2022",
    strict: true,
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    verbatimModuleSyntax: true,
    skipLibCheck: false,
    types: ["node"],
    rootDir: "src",
    outDir: "dist",
  },
  include: ["src"],
};

const MAIN = `import { build, type BuildResult } from "@bento/container-core";
import "@bento/backend-podman";

const bento = process.argv[2] ?? "";
const result: BuildResult = await build(bento, {
  backend: "podman",
  dryRun: true,
  imageTag: "packed-app:1",
  pull: "never",
  ulimit: { nofile: [1024, 1024] },
});
process.stdout.write(JSON.stringify(result));
`;

const NEGATIVE = `import { build } from "@bento/container-core";
import "@bento/backend-podman";

export const rejected = [
  // @ts-expect-error progress is a docker option; podman has no --progress
  () => build("b", { backend: "podman", progress: "plain" }),
  // @ts-expect-error a misspelt option
  () => build("b", { backend: "podman", pul: "never" }),
  // @ts-expect-error pull takes a policy name or a boolean
  () => build("b", { backend: "podman", pull: 42 }),
  // @ts-expect-error timestamp is a number of seconds
  () => build("b", { backend: "podman", timestamp: "now" }),
];
`;

describe("a strict nodenext TypeScript app on the packed packages", () => {
  let app: string;
  let compiled: ExecResult;

  beforeAll(async () => {
    // Inside the npm project: the packages resolve from its node_modules.
    app = join(packed().app, "ts-app");
    await mkdir(join(app, "src"), { recursive: true });
    await writeFile(join(app, "package.json"), '{ "type": "module" }\n');
    await writeFile(join(app, "tsconfig.json"), JSON.stringify(TSCONFIG));
    await writeFile(join(app, "src/main.ts"), MAIN);
    await writeFile(join(app, "src/negative.ts"), NEGATIVE);
    compiled = await tsc("tsconfig.json", app);
  });

  it("type-checks, every @ts-expect-error used", () => {
    expect(compiled.stdout + compiled.stderr).toBe("");
    expect(compiled.exitCode).toBe(0);
  });

  it("rejects a docker-only option on podman: without the directive, tsc fails", async () => {
    const bare = NEGATIVE.replace(/^\s*\/\/ @ts-expect-error.*\n/gm, "");
    await writeFile(join(app, "src/negative.ts"), bare);
    try {
      const result = await tsc("tsconfig.json", app);
      expect(result.exitCode).not.toBe(0);
      const lines = [...result.stdout.matchAll(/src\/negative\.ts\((\d+),/g)].map((m) => m[1]);
      expect(new Set(lines)).toEqual(new Set(["5", "6", "7", "8"]));
      expect(result.stdout).toContain("'progress'");
    } finally {
      await writeFile(join(app, "src/negative.ts"), NEGATIVE);
    }
  });

  it("runs a dry run with no engine on PATH", async () => {
    const cache = join(packed().root, "ts-app-cache");
    const env = {
      PATH: await nodeOnlyPath(packed().root),
      HOME: packed().root,
      BENTOML_HOME: EXAMPLE_HOME,
      BENTO_CONTAINER_CACHE_DIR: cache,
    };
    const { stdout } = await mustRun([process.execPath, "dist/main.js", EXAMPLE_BENTO], {
      cwd: app,
      env,
    });
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ dryRun: true, backend: "podman", tags: ["packed-app:1"] });
    expect(result.argv.slice(0, 4)).toEqual(["podman", "build", "--tag", "packed-app:1"]);
    expect(result.argv).toEqual(
      expect.arrayContaining(["--pull=never", "--ulimit", "nofile=1024:1024"]),
    );
    expect(result.containerfile).toMatch(/^FROM /m);
    expect(result.warnings.join("\n")).toContain(
      "Dry run: the podman backend cannot build on this machine",
    );
  });
});
