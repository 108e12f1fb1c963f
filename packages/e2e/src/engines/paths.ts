import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The checkout's root folder. */
export const REPO_ROOT = fileURLToPath(new URL("../../../../", import.meta.url));

/** The `bento` command's entry point, as `pnpm build` leaves it. */
export const BENTO_BIN = join(
  dirname(createRequire(import.meta.url).resolve("@bento/cli/package.json")),
  "dist/bin.js",
);

/** The example BentoML home; its model store holds the iris model. */
export const EXAMPLE_HOME = join(REPO_ROOT, "examples/bentoml-home");

/** The spec-2 example bento; its model lives in {@link EXAMPLE_HOME}. */
export const IRIS = {
  dir: join(REPO_ROOT, "examples/bentos/iris-classifier"),
  name: "iris_classifier",
  model: { name: "iris_model", version: "r6tb2fv7ccdxkhqb" },
} as const;

/** The spec-1 example bento with docker.env, setup_script and a dockerfile_template. */
export const SENTIMENT = {
  dir: join(REPO_ROOT, "examples/bentos/sentiment-legacy"),
  name: "sentiment_legacy",
} as const;
