import type { CapabilityTable, OptionsOf, OptionTable } from "@bento/container-core";

/** `docker build` options (BentoML's docker signature), by camelCase key. */
export const dockerOptions = {
  addHost: {
    kind: "pairs",
    separator: ":",
    doc: "Extra /etc/hosts entries: { host: ip } gives --add-host host:ip",
  },
  buildArg: { kind: "pairs", separator: "=", doc: "Build-time variables: { KEY: value }" },
  cacheFrom: { kind: "csv", doc: "External cache sources; a map gives one type=...,ref=... value" },
  disableContentTrust: {
    kind: "boolean",
    doc: "Accepted for BentoML scripts; writes no flag (BuildKit does no content trust)",
  },
  iidfile: { kind: "string", path: true, doc: "Write the image id to this file" },
  isolation: {
    kind: "string",
    values: ["default", "process", "hyperv"],
    doc: "Container isolation technology (Windows only)",
  },
  label: { kind: "pairs", separator: "=", doc: "Image labels: { key: value }" },
  network: { kind: "string", doc: "Networking mode for RUN instructions" },
  noCache: { kind: "boolean", doc: "Do not use the build cache" },
  output: { kind: "csv", doc: "Output destination; a map gives one type=...,dest=... value" },
  platform: { kind: "list", doc: "Target platform, e.g. linux/amd64" },
  progress: { kind: "string", values: ["auto", "tty", "plain"], doc: "Progress output type" },
  pull: { kind: "boolean", doc: "Always try to pull newer base images" },
  quiet: { kind: "boolean", doc: "Print only the image id" },
  secret: { kind: "csv", doc: "A secret for RUN --mount=type=secret: { id, src }" },
  ssh: { kind: "list", doc: "SSH agent sockets or keys: default|<id>[=<socket>|<key>]" },
  target: { kind: "string", doc: "The build stage to build" },
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
  reproducibleTimestamps: {
    since: "23.0",
    note: "SOURCE_DATE_EPOCH build argument, BuildKit 0.11+",
  },
  progress: { since: "18.09" },
} as const satisfies CapabilityTable;
