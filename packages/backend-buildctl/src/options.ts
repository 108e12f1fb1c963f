import type { CapabilityTable, OptionsOf, OptionTable } from "@bento/container-core";

/** buildctl's own `build` flags, passed as flags (BentoML's buildctl signature). */
export const buildctlFlags = {
  frontend: { kind: "string", doc: "Frontend to build with (default dockerfile.v0)" },
  local: {
    kind: "pairs",
    separator: "=",
    doc: "Extra local directories: { name: dir }; context and dockerfile come from the build",
  },
  output: { kind: "csv", doc: "Output; default with tags: a docker (or OCI) tarball to load" },
  progress: { kind: "string", values: ["auto", "tty", "plain"], doc: "Progress output type" },
  trace: { kind: "string", path: true, doc: "Write the build trace to this file" },
  noCache: { kind: "boolean", doc: "Do not use the build cache" },
  exportCache: { kind: "csv", doc: "Cache export destinations: { type, ref }" },
  importCache: { kind: "csv", doc: "Cache import sources: { type, ref }" },
  secret: { kind: "csv", doc: "A secret for RUN --mount=type=secret: { id, src }" },
  allow: { kind: "list", doc: "Extra privileged entitlements, e.g. security.insecure" },
  ssh: { kind: "list", doc: "SSH agent sockets or keys: default|<id>[=<socket>|<key>]" },
  metadataFile: { kind: "string", path: true, doc: "Write the build result metadata to this file" },
  ociLayout: { kind: "list", doc: "Local OCI layouts the build may read: <name>=<path>" },
  refFile: { kind: "string", path: true, doc: "Write the build ref to this file" },
  registryAuthTlscontext: {
    kind: "csv",
    doc: "TLS settings for registry authentication: { host, insecure, ca, cert, key }",
  },
  sourcePolicyFile: { kind: "string", path: true, doc: "Read a source policy from this JSON file" },
  debugJsonCacheMetrics: {
    kind: "string",
    doc: "Where to write JSON cache metrics: stdout, stderr or a file",
  },
  opt: {
    kind: "pairs",
    separator: "=",
    doc: "Raw frontend options: { key: value } gives --opt key=value",
  },
} as const satisfies OptionTable;

/**
 * Options of the dockerfile frontend, each written as `--opt`: a string as
 * `key=value`, each list item or map entry as `key:item` (`build-arg:FOO=bar`).
 */
export const buildctlFrontendOptions = {
  buildArg: { kind: "pairs", separator: "=", doc: "Build-time variables: { KEY: value }" },
  label: { kind: "pairs", separator: "=", doc: "Image labels: { key: value }" },
  target: { kind: "string", doc: "The build stage to build" },
  platform: { kind: "string", doc: "Target platforms, comma-separated: linux/amd64,linux/arm64" },
  buildContext: {
    kind: "pairs",
    separator: "=",
    flag: "context",
    doc: "Additional build contexts: { name: 'docker-image://...' }",
  },
  attest: {
    kind: "pairs",
    separator: "=",
    doc: "Attestations: { sbom: '', provenance: 'mode=max' }",
  },
} as const satisfies OptionTable;

/** Choices about the `--output` buildctl gets when the user names none; no flags of their own. */
export const buildctlOutputOptions = {
  push: {
    kind: "boolean",
    doc: "With tags and no output: push the image to the registry it names",
  },
  load: {
    kind: "string",
    values: ["docker", "podman", "nerdctl"],
    doc: "With tags and no output: the image store to load into (default: the first on PATH)",
  },
} as const satisfies OptionTable;

/** Every buildctl option: its flags, the output choices, then the frontend's. */
export const buildctlOptions = {
  ...buildctlFlags,
  ...buildctlOutputOptions,
  ...buildctlFrontendOptions,
} as const satisfies OptionTable;

/** Typed options of the buildctl backend. */
export type BuildctlOptions = OptionsOf<typeof buildctlOptions>;

/** What `buildctl build` can do, by BuildKit version. */
export const buildctlCapabilities = {
  buildkitSyntax: true,
  cacheMount: true,
  secretMount: true,
  multiPlatform: true,
  push: true,
  load: true,
  attestations: { since: "0.11" },
  imageIdOutput: true,
  // Versions are the daemon's (health asks buildkitd), not buildctl's.
  reproducibleTimestamps: {
    since: "0.13",
    note: "SOURCE_DATE_EPOCH build argument and the exporter's rewrite-timestamp",
  },
  progress: true,
} as const satisfies CapabilityTable;
