import {
  type BuildArgsInput,
  isSupported,
  standardBuildArgs,
  withRewriteTimestamp,
} from "@bento/container-core";
import { type BuildxOptions, buildxCapabilities, buildxOptions } from "./options.js";
import { isLocalOutput, platformCount } from "./output.js";

type Warn = (message: string) => void;

/**
 * The argv after `docker buildx build`. `load` is on unless `push` is set or the
 * output is local (which also turns `push` off); attestations need BuildKit
 * 0.11+ in the builder, so `input.version` (the builder's, from the health
 * report) decides whether they are passed. A build pinning SOURCE_DATE_EPOCH
 * on BuildKit 0.13+ spells `--load`/`--push` as the exporter they stand for,
 * with `rewrite-timestamp=true`, so layer files get the pinned time too.
 */
export function buildxBuildArgs(input: BuildArgsInput<BuildxOptions>): string[] {
  const warn = input.warn ?? console.warn;
  const local = isLocalOutput(input.output);
  let push = input.push === true && !local;
  let load = input.load !== false && !push && !local;
  warnUnkeptPlatforms(platformCount(input.platform), push, warn);
  if (input.load === true && !load)
    warn(`buildx: load not passed: ${local ? "a local output" : "push"} replaces it.`);
  if (input.push === true && !push) warn("buildx: push not passed: the output is local.");
  const { attest, provenance, sbom, ...rest } = input;
  // SBOM and provenance attestations came with BuildKit 0.11:
  // https://github.com/moby/buildkit/releases/tag/v0.11.0
  const attests = isSupported(buildxCapabilities.attestations, input.version);
  if (!attests) warnDroppedAttestations(input, warn);
  // --load is `--output type=docker`, --push `--output type=image,push=true`:
  // https://docs.docker.com/reference/cli/docker/buildx/build/#load
  const implied =
    input.output === undefined && (load || push)
      ? load
        ? "type=docker"
        : "type=image,push=true"
      : input.output;
  const output = withRewriteTimestamp(implied, input.buildArg, input.version);
  if (output !== implied) {
    load = false;
    push = false;
  }
  return standardBuildArgs(buildxOptions, {
    ...rest,
    ...(attests ? { attest, provenance, sbom } : {}),
    output: output === implied ? input.output : output,
    load,
    push,
  });
}

function warnUnkeptPlatforms(platforms: number, push: boolean, warn: Warn): void {
  if (platforms <= 1 || push) return;
  warn(
    `buildx: ${platforms} platforms without push: --load cannot keep a multi-platform image ` +
      "unless docker uses the containerd image store; set push or output to keep the result.",
  );
}

function warnDroppedAttestations(input: BuildArgsInput<BuildxOptions>, warn: Warn): void {
  const asked = (["attest", "provenance", "sbom"] as const).filter(
    (key) => input[key] !== undefined,
  );
  if (asked.length === 0) return;
  const why =
    input.version === undefined
      ? "the builder's BuildKit version is unknown (pass `version` from the health report)"
      : `the builder's BuildKit ${input.version} is older than 0.11`;
  warn(`buildx: ${asked.join(", ")} not passed: ${why}.`);
}
