import { type BuildArgsInput, isSupported, standardBuildArgs } from "@bento/container-core";
import { type BuildxOptions, buildxCapabilities, buildxOptions } from "./options.js";
import { isLocalOutput, platformCount } from "./output.js";

type Warn = (message: string) => void;

/**
 * The argv after `docker buildx build`. `load` is on unless `push` is set or the
 * output is local (which also turns `push` off); attestations need buildx 0.11+,
 * so `input.version` (from the health report) decides whether they are passed.
 */
export function buildxBuildArgs(input: BuildArgsInput<BuildxOptions>): string[] {
  const warn = input.warn ?? console.warn;
  const local = isLocalOutput(input.output);
  const push = input.push === true && !local;
  const load = input.load !== false && !push && !local;
  warnUnkeptPlatforms(platformCount(input.platform), push, warn);
  const { attest, provenance, sbom, ...rest } = input;
  const attests = isSupported(buildxCapabilities.attestations, input.version);
  if (!attests) warnDroppedAttestations(input, warn);
  return standardBuildArgs(buildxOptions, {
    ...rest,
    ...(attests ? { attest, provenance, sbom } : {}),
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
      ? "the buildx version is unknown (pass `version` from the health report)"
      : `buildx ${input.version} is older than 0.11`;
  warn(`buildx: ${asked.join(", ")} not passed: ${why}.`);
}
