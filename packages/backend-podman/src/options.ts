import {
  type CapabilityTable,
  containersBuildOptions,
  type OptionsOf,
  type OptionTable,
} from "@bento/container-core";

/** `podman build` options, by camelCase key: the shared buildah-family table plus podman's own. */
export const podmanOptions = {
  ...containersBuildOptions,
  squashAll: { kind: "boolean", doc: "Squash all layers into one" },
} as const satisfies OptionTable;

/** Typed options of the podman backend. */
export type PodmanOptions = OptionsOf<typeof podmanOptions>;

/** Default environment of `podman build`: OCI images, no BuildKit syntax. */
export const PODMAN_ENV = { BUILDAH_FORMAT: "oci", DOCKER_BUILDKIT: "0" } as const;

/** What `podman build` can do, by podman version. */
export const podmanCapabilities = {
  buildkitSyntax: false,
  cacheMount: { since: "4.0" },
  secretMount: { since: "4.0" },
  multiPlatform: true,
  push: false,
  load: true,
  attestations: false,
  imageIdOutput: true,
  reproducibleTimestamps: { since: "2.2", note: "timestamp option (--timestamp)" },
  // `podman build` rejects --progress (its options: https://docs.podman.io/en/latest/markdown/podman-build.1.html).
  progress: false,
} as const satisfies CapabilityTable;
