import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root (this file runs from `packages/bench/dist` or `packages/bench/src`). */
export const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/** The example bento the builds use: spec 2, one store model, empty requirements. */
export const EXAMPLE_BENTO = join(REPO_ROOT, "examples/bentos/iris-classifier");

/** Where the markdown table is kept for the README. */
export const RESULTS_MD = join(REPO_ROOT, "packages/bench/RESULTS.md");

/** The built `bento` command of the workspace's `@bento/cli`. */
export const BENTO_BIN = join(
  dirname(createRequire(import.meta.url).resolve("@bento/cli/package.json")),
  "dist/bin.js",
);
