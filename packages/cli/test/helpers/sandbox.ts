import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll } from "vitest";
import { requireBuiltCli } from "./run-cli.js";

/** A private directory tree for one test file: a bin dir for stand-ins, a home, a cache. */
export interface Sandbox {
  root: string;
  /** Directory of stand-in executables; the only entry of PATH in {@link Sandbox.env}. */
  bin: string;
  /** An environment with nothing of the developer's machine in it. */
  env(extra?: Record<string, string>): Record<string, string>;
  /** Writes an executable Node script named `name` into the bin dir. */
  standIn(name: string, body: string): Promise<string>;
  /** Links the workspace's core into the sandbox's node_modules, as a plugin's dependency. */
  linkCore(): Promise<void>;
  cleanup(): Promise<void>;
}

const CORE = fileURLToPath(new URL("../../../container-core", import.meta.url));

/** Makes a sandbox under the OS temp dir. */
export async function sandbox(): Promise<Sandbox> {
  const root = await mkdtemp(join(tmpdir(), "bento-cli-test-"));
  const bin = join(root, "bin");
  await mkdir(bin);
  await writeFile(join(root, "package.json"), '{ "name": "sandbox", "private": true }\n');
  return {
    root,
    bin,
    env: (extra = {}) => ({
      PATH: bin,
      HOME: join(root, "home"),
      BENTOML_HOME: join(root, "bentoml"),
      BENTO_CONTAINER_CACHE_DIR: join(root, "cache"),
      ...extra,
    }),
    async standIn(name, body) {
      const path = join(bin, name);
      await writeFile(path, `#!${process.execPath}\n"use strict";\n${body}\n`);
      await chmod(path, 0o755);
      return path;
    },
    async linkCore() {
      await mkdir(join(root, "node_modules", "@bento"), { recursive: true });
      await symlink(CORE, join(root, "node_modules", "@bento", "container-core"), "dir");
    },
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
}

/** The bento fixture the CLI tests containerize. */
export const FIXTURE_BENTO = fileURLToPath(new URL("../fixtures/s2-basic/bento", import.meta.url));

/**
 * For one test file: checks that the CLI is built, makes a sandbox before the
 * tests (prepared by `setup`) and removes it after them. Returns its getter.
 */
export function cliSandbox(setup?: (box: Sandbox) => Promise<void>): () => Sandbox {
  let box: Sandbox | undefined;
  beforeAll(async () => {
    requireBuiltCli();
    box = await sandbox();
    await setup?.(box);
  });
  afterAll(() => box?.cleanup());
  return () => {
    if (box === undefined) throw new Error("the sandbox exists only while the tests run");
    return box;
  };
}
