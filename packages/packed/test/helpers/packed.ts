import { mkdir, symlink, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describeFailure, type ExecResult, exec } from "@bento/backend-testing";
import { inject } from "vitest";

/** What the global setup made: the npm project with every public package installed. */
export interface PackedInstall {
  /** The temporary directory holding `tarballs/` and `app/`. */
  root: string;
  /** The npm project, outside the workspace. */
  app: string;
  /** Tarball path by package name. */
  tarballs: Record<string, string>;
}

declare module "vitest" {
  export interface ProvidedContext {
    packed: PackedInstall;
  }
}

/** The repository's root. */
export const REPO = fileURLToPath(new URL("../../../../", import.meta.url));

/** The example bento and model store the repository ships. */
export const EXAMPLE_BENTO = join(REPO, "examples/bentos/iris-classifier");
export const EXAMPLE_HOME = join(REPO, "examples/bentoml-home");

/** The shared install. */
export function packed(): PackedInstall {
  return inject("packed");
}

const require = createRequire(import.meta.url);
const TSC = require.resolve("typescript/bin/tsc");

/** A PATH with only `node` on it (a link in `root/node-only`): no engine binary is found. */
export async function nodeOnlyPath(root: string): Promise<string> {
  const dir = join(root, "node-only");
  await mkdir(dir, { recursive: true });
  await symlink(process.execPath, join(dir, "node")).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "EEXIST") throw error;
  });
  return dir;
}

/** Runs an argv and fails with its output unless it exits 0. */
export async function mustRun(
  argv: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<ExecResult> {
  const result = await exec(argv, { ...options, timeoutMs: 120_000 });
  if (result.exitCode !== 0) throw new Error(describeFailure(argv, result) + result.stdout);
  return result;
}

/** Type-checks (and emits, unless the project says noEmit) a TypeScript project with tsc. */
export function tsc(project: string, cwd: string): Promise<ExecResult> {
  return exec([process.execPath, TSC, "-p", project], { cwd, timeoutMs: 120_000 });
}

/**
 * Writes a strict nodenext `tsconfig.json` (src/ compiled to dist/, `compilerOptions`
 * added) into `dir` and runs tsc there, as an app author's project would.
 */
export async function compileApp(
  dir: string,
  compilerOptions: Record<string, unknown> = {},
): Promise<ExecResult> {
  const tsconfig = {
    compilerOptions: {
      module: "nodenext",
      target: "es2022",
      strict: true,
      types: ["node"],
      rootDir: "src",
      outDir: "dist",
      ...compilerOptions,
    },
    include: ["src"],
  };
  await writeFile(join(dir, "tsconfig.json"), JSON.stringify(tsconfig));
  return tsc("tsconfig.json", dir);
}
