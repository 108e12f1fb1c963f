import {
  type CapabilityTable,
  containersBuildOptions,
  type OptionsOf,
  type OptionTable,
} from "@bento/container-core";

/**
 * `buildah build` options (BentoML's buildah signature), by camelCase key: the
 * shared buildah-family table plus buildah's own.
 */
export const buildahOptions = {
  ...containersBuildOptions,
  cniConfigDir: { kind: "string", path: true, doc: "Directory of CNI configuration files" },
  cniPluginPath: { kind: "string", path: true, doc: "Directory of CNI plugins" },
  // The old --pull-always/--pull-never spellings are deprecated and hidden from the help
  // (--pull takes always, missing, never, newer: https://github.com/containers/buildah/blob/main/docs/buildah-build.1.md).
  pullAlways: { kind: "boolean", flag: "pull=always", doc: "Always pull base images" },
  pullNever: { kind: "boolean", flag: "pull=never", doc: "Never pull; use local images only" },
} as const satisfies OptionTable;

/** Typed options of the buildah backend. */
export type BuildahOptions = OptionsOf<typeof buildahOptions>;

/** Default environment of `buildah build`: OCI images, no BuildKit syntax. */
export const BUILDAH_ENV = { BUILDAH_FORMAT: "oci", DOCKER_BUILDKIT: "0" } as const;

/** What `buildah build` can do, by buildah version. */
export const buildahCapabilities = {
  buildkitSyntax: false,
  cacheMount: { since: "1.24" },
  secretMount: { since: "1.24" },
  multiPlatform: true,
  push: false,
  load: true,
  attestations: false,
  imageIdOutput: true,
  reproducibleTimestamps: { since: "1.18", note: "timestamp option (--timestamp)" },
  progress: false,
} as const satisfies CapabilityTable;
