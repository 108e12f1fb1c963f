import type { CapabilityTable, OptionsOf, OptionTable } from "@bento/container-core";

/** kaniko executor options, by camelCase key; the flag is the kebab-case of the key. */
export const kanikoOptions = {
  buildArg: { kind: "pairs", separator: "=", doc: "Build-time variables: { KEY: value }" },
  cache: { kind: "boolean", doc: "Use cached layers (kaniko needs cacheRepo with --no-push)" },
  cacheDir: { kind: "string", path: true, doc: "Local directory of cached base images" },
  cacheRepo: { kind: "string", doc: "Repository that holds cached layers" },
  cacheTtl: { kind: "string", doc: "How long cached layers stay valid, e.g. 24h" },
  cleanup: { kind: "boolean", doc: "Clean the filesystem at the end of the build" },
  customPlatform: { kind: "string", doc: "Target platform when not the host's, e.g. linux/arm64" },
  digestFile: { kind: "string", path: true, doc: "Write the image digest to this file" },
  force: { kind: "boolean", doc: "Build even outside a container (kaniko refuses otherwise)" },
  ignorePath: { kind: "list", doc: "Paths left out of every snapshot" },
  insecure: { kind: "boolean", doc: "Push to a registry over plain HTTP" },
  label: { kind: "pairs", separator: "=", doc: "Image labels: { key: value }" },
  ociLayoutPath: { kind: "string", path: true, doc: "Also write the image as an OCI layout here" },
  push: { kind: "boolean", doc: "Push to every tag's registry; without it kaniko gets --no-push" },
  registryMirror: { kind: "list", doc: "Registry mirrors to pull base images through" },
  singleSnapshot: { kind: "boolean", doc: "Take one snapshot at the end instead of one per step" },
  skipTlsVerify: { kind: "boolean", doc: "Push without verifying the registry's certificate" },
  snapshotMode: {
    kind: "string",
    values: ["full", "redo", "time"],
    doc: "What a snapshot compares: full (content), redo, or time (mtime only)",
  },
  stripTimestamps: {
    kind: "boolean",
    flag: "reproducible",
    doc: "Strip timestamps from the image (--reproducible)",
  },
  tarPath: { kind: "string", path: true, doc: "Write the image as a tarball (docker load -i)" },
  target: { kind: "string", doc: "The build stage to build" },
  useNewRun: { kind: "boolean", doc: "Detect RUN changes without full filesystem snapshots" },
  verbosity: {
    kind: "string",
    values: ["panic", "fatal", "error", "warn", "info", "debug", "trace"],
    doc: "Log level",
  },
} as const satisfies OptionTable;

/** Typed options of the kaniko backend. */
export type KanikoOptions = OptionsOf<typeof kanikoOptions>;

/**
 * What kaniko can do. It reads no BuildKit syntax (`RUN --mount`), loads into
 * no local image store (write a tarball with tarPath, then `docker load -i`),
 * and its --reproducible strips timestamps rather than pinning them.
 */
export const kanikoCapabilities = {
  buildkitSyntax: false,
  cacheMount: false,
  secretMount: false,
  multiPlatform: false,
  push: true,
  load: false,
  attestations: false,
  imageIdOutput: true,
  reproducibleTimestamps: false,
  progress: false,
} as const satisfies CapabilityTable;
