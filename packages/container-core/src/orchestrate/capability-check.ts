import { type Capability, isSupported } from "../backend/capabilities.js";
import type { OCIBuilder } from "../backend/contract.js";
import { listBackends } from "../backend/registry.js";
import { CapabilityError } from "../errors.js";

/** What a build asks of its backend, read from the options before anything runs. */
export interface BuildRequest {
  secrets: number;
  options: Readonly<Record<string, unknown>>;
}

const LABELS: Record<Capability, string> = {
  buildkitSyntax: "BuildKit syntax",
  cacheMount: "cache mounts",
  secretMount: "build secrets",
  multiPlatform: "several platforms in one build",
  push: "pushing the image",
  load: "loading the image into a local store",
  attestations: "attestations (SBOM, provenance)",
  imageIdOutput: "reporting the image id",
  reproducibleTimestamps: "reproducible timestamps",
  progress: "a --progress mode",
};

/** The capabilities a request needs. Pure. */
export function requiredCapabilities(request: BuildRequest): Capability[] {
  const { options } = request;
  const needs: Capability[] = [];
  if (request.secrets > 0) needs.push("secretMount");
  if (Array.isArray(options.platform) && options.platform.length > 1) needs.push("multiPlatform");
  if (typeof options.platform === "string" && options.platform.includes(","))
    needs.push("multiPlatform");
  if (options.push === true) needs.push("push");
  if (["attest", "sbom", "provenance"].some((key) => options[key] !== undefined))
    needs.push("attestations");
  if (options.progress !== undefined) needs.push("progress");
  return needs;
}

/**
 * Refuses, before anything runs, a request the backend cannot serve, naming
 * the registered backends that can.
 */
export function checkCapabilities(
  builder: OCIBuilder,
  version: string | undefined,
  request: BuildRequest,
  withheld: Partial<Record<Capability, string>> = {},
): void {
  for (const capability of requiredCapabilities(request)) {
    const why = withheld[capability];
    if (why !== undefined) {
      throw new CapabilityError(
        `The ${builder.name} backend cannot do ${LABELS[capability]}, which this build asks for: ${why}.`,
        { hint: "Build on a builder that can, or drop that option." },
      );
    }
    if (isSupported(builder.capabilities[capability], version)) continue;
    const able = listBackends()
      .filter(
        (other) =>
          other !== builder &&
          other.capabilities[capability] !== undefined &&
          other.capabilities[capability] !== false,
      )
      .map((other) => other.name);
    throw new CapabilityError(
      `The ${builder.name} backend${version ? ` (${version})` : ""} cannot do ${LABELS[capability]}, which this build asks for.`,
      {
        hint: able.length
          ? `Use a backend that can: ${able.join(", ")} (--backend NAME).`
          : "No registered backend can; drop that option.",
      },
    );
  }
}
