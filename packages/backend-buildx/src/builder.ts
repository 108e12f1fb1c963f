import { findVersion } from "@bento/container-core";

/**
 * The builder instance `docker buildx build` uses, as `docker buildx inspect`
 * describes it: what every buildx capability depends on (its driver and the
 * BuildKit it runs), not the buildx client.
 * https://docs.docker.com/reference/cli/docker/buildx/inspect/
 */
export interface BuilderInfo {
  name: string;
  driver: string;
  /** The first node's endpoint: `default` (the docker daemon) or an address. */
  endpoint?: string;
  /** The first node's BuildKit version, when the builder is running. */
  buildkitVersion?: string;
}

/** Parses `docker buildx inspect` text; `undefined` when it names no builder or driver. */
export function parseBuilderInspect(stdout: string): BuilderInfo | undefined {
  const field = (label: string) =>
    new RegExp(`^${label}:[ \\t]*(.*)$`, "m").exec(stdout)?.[1]?.trim() || undefined;
  const name = field("Name");
  const driver = field("Driver");
  if (name === undefined || driver === undefined) return undefined;
  // buildx 0.13 prints `BuildKit version:`; older ones `Buildkit:`.
  const buildkit = field("BuildKit version") ?? field("Buildkit");
  return {
    name,
    driver,
    endpoint: field("Endpoint"),
    buildkitVersion: buildkit === undefined ? undefined : findVersion(buildkit),
  };
}

/**
 * Capabilities the builder lacks whatever its BuildKit version, with why. The
 * docker driver exports only to the docker image store, which keeps no
 * attestations: "Attestation is not supported for the docker driver".
 * https://docs.docker.com/build/builders/drivers/
 */
export function withheldByDriver(builder: BuilderInfo): Record<string, string> {
  if (builder.driver !== "docker") return {};
  return {
    attestations: `builder ${builder.name} uses the docker driver, which cannot export attestations; create a docker-container or remote builder (docker buildx create) and select it with BUILDX_BUILDER`,
  };
}
