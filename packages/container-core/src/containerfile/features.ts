import { nearest } from "../backend/nearest.js";
import { ContainerfileError } from "../errors.js";

/** BentoML's pip extras that `features` may name. */
export const FEATURES: readonly string[] = [
  "tracing",
  "grpc",
  "grpc-reflection",
  "grpc-channelz",
  "monitor-otlp",
  "triton",
  "aws",
  "all",
  "io",
  "io-file",
  "io-image",
  "io-pandas",
  "io-json",
  "tracing-zipkin",
  "tracing-jaeger",
  "tracing-otlp",
];

/** Refuses feature names that are not BentoML extras. */
export function assertFeatures(features: readonly string[]): void {
  const unknown = features.filter((feature) => !FEATURES.includes(feature));
  if (unknown.length === 0) return;
  const guesses = unknown.map((f) => nearest(f, FEATURES)).filter((g) => g !== undefined);
  throw new ContainerfileError(
    `Unknown feature${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}`,
    {
      hint: `${guesses.length > 0 ? `Did you mean ${guesses.join(", ")}? ` : ""}Available features: ${FEATURES.join(", ")}.`,
    },
  );
}

/** The instruction installing BentoML with the extras, appended to a spec 1 Containerfile. */
export function featuresInstruction(features: readonly string[], enableBuildkit: boolean): string {
  const cache = enableBuildkit ? "--mount=type=cache,target=/root/.cache/pip " : "";
  return `RUN ${cache}pip install bentoml[${features.join(",")}]`;
}

/**
 * Layered: the extras installed into the service's environment (/app/.venv)
 * as root before ENTRYPOINT, pinned to the bento's BentoML version. BentoML's
 * own line runs after `USER bentoml` with a pip outside the environment.
 */
export function layeredFeaturesInstruction(
  features: readonly string[],
  enableBuildkit: boolean,
  bentomlVersion: string | undefined,
): string | undefined {
  if (features.length === 0) return undefined;
  const cache = enableBuildkit ? "--mount=type=cache,sharing=locked,target=/root/.cache/uv " : "";
  const pin = bentomlVersion && /^[\w.+!-]+$/.test(bentomlVersion) ? `==${bentomlVersion}` : "";
  return `RUN ${cache}uv pip install --python /app/.venv/bin/python 'bentoml[${features.join(",")}]${pin}'`;
}
