import type { CapabilityTable, OptionsOf, OptionTable } from "@bento/container-core";

/** `docker buildx build` options (BentoML's buildx signature), by camelCase key. */
export const buildxOptions = {
  addHost: {
    kind: "pairs",
    separator: ":",
    doc: "Extra /etc/hosts entries: { host: ip } gives --add-host host:ip",
  },
  annotation: { kind: "pairs", separator: "=", doc: "Image annotations: { key: value }" },
  attest: { kind: "csv", doc: "Attestation parameters, e.g. { type: 'sbom' } (buildx 0.11+)" },
  allow: { kind: "list", doc: "Extra privileged entitlements, e.g. network.host" },
  buildArg: { kind: "pairs", separator: "=", doc: "Build-time variables: { KEY: value }" },
  buildContext: { kind: "pairs", separator: "=", doc: "Additional build contexts: { name: path }" },
  builder: { kind: "string", doc: "The builder instance to use" },
  cacheFrom: { kind: "csv", doc: "External cache sources; a map gives one type=...,ref=... value" },
  cacheTo: {
    kind: "csv",
    doc: "Cache export destinations; a map gives one type=...,dest=... value",
  },
  cgroupParent: { kind: "string", doc: "Parent cgroup of the RUN containers" },
  iidfile: { kind: "string", path: true, doc: "Write the image id to this file" },
  label: { kind: "pairs", separator: "=", doc: "Image labels: { key: value }" },
  load: {
    kind: "boolean",
    doc: "Load the result into docker (default on; off with push or a local output)",
  },
  metadataFile: { kind: "string", path: true, doc: "Write the build result metadata to this file" },
  network: { kind: "string", doc: "Networking mode for RUN instructions" },
  noCache: { kind: "boolean", doc: "Do not use the build cache" },
  noCacheFilter: { kind: "csv", doc: "Stages to build without cache" },
  output: { kind: "csv", doc: "Output destination; a map gives one type=...,dest=... value" },
  platform: { kind: "list", doc: "Target platforms, e.g. linux/amd64" },
  progress: { kind: "string", values: ["auto", "tty", "plain"], doc: "Progress output type" },
  provenance: { kind: "csv", doc: "Provenance attestation, e.g. { mode: 'max' } (buildx 0.11+)" },
  pull: { kind: "boolean", doc: "Always try to pull newer base images" },
  push: { kind: "boolean", doc: "Push the result to its registry (turns load off)" },
  quiet: { kind: "boolean", doc: "Print only the image id" },
  sbom: { kind: "csv", doc: "SBOM attestation, e.g. { generator: '...' } (buildx 0.11+)" },
  secret: { kind: "csv", doc: "A secret for RUN --mount=type=secret: { id, src }" },
  shmSize: { kind: "string", doc: "Size of /dev/shm, e.g. 2g" },
  ssh: { kind: "list", doc: "SSH agent sockets or keys: default|<id>[=<socket>|<key>]" },
  target: { kind: "string", doc: "The build stage to build" },
  ulimit: { kind: "ulimit", doc: "Ulimits: { nofile: [soft, hard] }" },
} as const satisfies OptionTable;

/** Typed options of the buildx backend. */
export type BuildxOptions = OptionsOf<typeof buildxOptions>;

/** Default environment of `docker buildx build`, as docker's. */
export const BUILDX_ENV = { DOCKER_BUILDKIT: "1", DOCKER_SCAN_SUGGEST: "false" } as const;

/**
 * What `docker buildx build` can do, by the BuildKit version of the builder it
 * uses (health reads it from `docker buildx inspect`); the docker driver also
 * withholds attestations whatever its version.
 */
export const buildxCapabilities = {
  buildkitSyntax: true,
  cacheMount: true,
  secretMount: true,
  multiPlatform: true,
  push: true,
  load: true,
  attestations: { since: "0.11", note: "attest, provenance and sbom; not on the docker driver" },
  imageIdOutput: true,
  // The docker driver runs dockerd's own BuildKit (0.8 on dockerd 20.10), whatever buildx's
  // version: https://docs.docker.com/build/builders/drivers/docker/ . Layer file times follow
  // SOURCE_DATE_EPOCH only with the exporter's rewrite-timestamp, BuildKit 0.13+:
  // https://github.com/moby/buildkit/blob/v0.13.0/docs/build-repro.md#source_date_epoch
  reproducibleTimestamps: {
    since: "0.13",
    note: "SOURCE_DATE_EPOCH build argument and the exporter's rewrite-timestamp",
  },
  progress: true,
} as const satisfies CapabilityTable;
