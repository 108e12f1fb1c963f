import type { CapabilityTable, OptionsOf, OptionTable } from "@bento/container-core";

/**
 * `docker build` options, by camelCase key: BentoML's docker signature plus every
 * flag of `docker build --help`, which shows buildx's flags when BuildKit builds
 * (the default) and the legacy builder's with `DOCKER_BUILDKIT=0`; each only works
 * with its builder, and the engine rejects it otherwise
 * (https://docs.docker.com/reference/cli/docker/buildx/build/,
 * https://docs.docker.com/reference/cli/docker/image/build/).
 */
export const dockerOptions = {
  addHost: {
    kind: "pairs",
    separator: ":",
    doc: "Extra /etc/hosts entries: { host: ip } gives --add-host host:ip",
  },
  allow: { kind: "list", doc: "Extra privileged entitlements, e.g. network.host (BuildKit)" },
  annotation: {
    kind: "pairs",
    separator: "=",
    doc: "Image annotations: { key: value } (BuildKit)",
  },
  attest: { kind: "csv", doc: "Attestation parameters, e.g. { type: 'sbom' } (BuildKit)" },
  buildArg: { kind: "pairs", separator: "=", doc: "Build-time variables: { KEY: value }" },
  buildContext: {
    kind: "pairs",
    separator: "=",
    doc: "Additional build contexts: { name: path } (BuildKit)",
  },
  builder: { kind: "string", doc: "The buildx builder instance to use (BuildKit)" },
  cacheFrom: { kind: "csv", doc: "External cache sources; a map gives one type=...,ref=... value" },
  cacheTo: { kind: "csv", doc: "Cache export destinations (BuildKit)" },
  cgroupParent: { kind: "string", doc: "Parent cgroup of the RUN containers" },
  compress: { kind: "boolean", doc: "Compress the build context with gzip (legacy builder)" },
  cpuPeriod: { kind: "number", doc: "CPU CFS period (legacy builder)" },
  cpuQuota: { kind: "number", doc: "CPU CFS quota (legacy builder)" },
  cpuShares: { kind: "number", doc: "CPU shares, relative weight (legacy builder)" },
  cpusetCpus: { kind: "string", doc: "CPUs to run on, e.g. 0-3 (legacy builder)" },
  cpusetMems: { kind: "string", doc: "Memory nodes to use, e.g. 0,1 (legacy builder)" },
  disableContentTrust: {
    kind: "boolean",
    doc: "Accepted for BentoML scripts; writes no flag, with a warning (BuildKit does no content trust)",
  },
  forceRm: { kind: "boolean", doc: "Always remove intermediate containers (legacy builder)" },
  iidfile: { kind: "string", path: true, doc: "Write the image id to this file" },
  isolation: {
    kind: "string",
    values: ["default", "process", "hyperv"],
    doc: "Container isolation technology (Windows only)",
  },
  label: { kind: "pairs", separator: "=", doc: "Image labels: { key: value }" },
  load: { kind: "boolean", doc: "Load the result into docker (BuildKit; the default)" },
  memory: { kind: "string", doc: "Memory limit of RUN containers, e.g. 2g (legacy builder)" },
  memorySwap: { kind: "string", doc: "Memory plus swap limit, -1 for unlimited (legacy builder)" },
  metadataFile: {
    kind: "string",
    path: true,
    doc: "Write the build result metadata to this file (BuildKit)",
  },
  network: { kind: "string", doc: "Networking mode for RUN instructions" },
  noCache: { kind: "boolean", doc: "Do not use the build cache" },
  noCacheFilter: { kind: "csv", doc: "Stages to build without cache (BuildKit)" },
  output: { kind: "csv", doc: "Output destination; a map gives one type=...,dest=... value" },
  platform: { kind: "list", doc: "Target platform, e.g. linux/amd64" },
  progress: { kind: "string", values: ["auto", "tty", "plain"], doc: "Progress output type" },
  provenance: { kind: "csv", doc: "Provenance attestation, e.g. { mode: 'max' } (BuildKit)" },
  pull: { kind: "boolean", doc: "Always try to pull newer base images" },
  push: { kind: "boolean", doc: "Push the result to its registry (BuildKit)" },
  quiet: { kind: "boolean", doc: "Print only the image id" },
  rm: { kind: "boolean", doc: "Remove intermediate containers after a build (legacy builder)" },
  sbom: { kind: "csv", doc: "SBOM attestation, e.g. { generator: '...' } (BuildKit)" },
  secret: { kind: "csv", doc: "A secret for RUN --mount=type=secret: { id, src }" },
  securityOpt: { kind: "list", doc: "Security options (legacy builder)" },
  shmSize: { kind: "string", doc: "Size of /dev/shm, e.g. 2g" },
  squash: { kind: "boolean", doc: "Squash the new layers into one (legacy builder, experimental)" },
  ssh: { kind: "list", doc: "SSH agent sockets or keys: default|<id>[=<socket>|<key>]" },
  target: { kind: "string", doc: "The build stage to build" },
  ulimit: { kind: "ulimit", doc: "Ulimits: { nofile: [soft, hard] }" },
} as const satisfies OptionTable;

/** Typed options of the docker backend. */
export type DockerOptions = OptionsOf<typeof dockerOptions>;

/** Default environment of `docker build`: BuildKit on, no scan suggestion. */
export const DOCKER_ENV = { DOCKER_BUILDKIT: "1", DOCKER_SCAN_SUGGEST: "false" } as const;

/** What `docker build` can do, by docker server version (BuildKit arrived in 18.09). */
export const dockerCapabilities = {
  buildkitSyntax: { since: "18.09" },
  cacheMount: { since: "18.09" },
  secretMount: { since: "18.09" },
  multiPlatform: false,
  push: false,
  load: true,
  attestations: false,
  imageIdOutput: true,
  // dockerd's own BuildKit reads SOURCE_DATE_EPOCH from 0.11 (https://github.com/moby/buildkit/pull/2918);
  // an engine with an older one keeps the build's own times (https://github.com/moby/moby/issues/43124).
  reproducibleTimestamps: {
    since: "23.0",
    note: "SOURCE_DATE_EPOCH build argument, BuildKit 0.11+",
  },
  progress: { since: "18.09" },
} as const satisfies CapabilityTable;
