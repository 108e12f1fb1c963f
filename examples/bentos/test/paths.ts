import { fileURLToPath } from "node:url";

/** Absolute path of a file or folder under examples/. */
export function examplePath(path: string): string {
  return fileURLToPath(new URL(`../../${path}`, import.meta.url));
}

/** The example bentos, by folder name. */
export const IRIS = examplePath("bentos/iris-classifier");
export const SENTIMENT = examplePath("bentos/sentiment-legacy");

/** The example BentoML home (its model store holds the iris model). */
export const EXAMPLE_HOME = examplePath("bentoml-home");

/** The iris model the spec 2 bento names. */
export const IRIS_MODEL = { name: "iris_model", version: "r6tb2fv7ccdxkhqb" };
