import type { CapabilityTable, OptionsOf, OptionTable } from "@bento/container-core";

/** `nerdctl build` options and nerdctl's global flags (BentoML's nerdctl signature), by camelCase key. */
export const nerdctlOptions = {
  allow: { kind: "list", doc: "Extra privileged entitlements, e.g. network.host" },
  attest: { kind: "csv", doc: "Attestation parameters, e.g. { type: 'sbom' } (nerdctl 2.0+)" },
  buildArg: { kind: "pairs", separator: "=", doc: "Build-time variables: { KEY: value }" },
  buildContext: { kind: "pairs", separator: "=", doc: "Additional build contexts: { name: path }" },
  buildkitHost: {
    kind: "string",
    doc: "BuildKit address, e.g. unix:///run/buildkit/buildkitd.sock",
  },
  cacheFrom: { kind: "csv", doc: "External cache sources; a map gives one type=...,ref=... value" },
  cacheTo: {
    kind: "csv",
    doc: "Cache export destinations; a map gives one type=...,dest=... value",
  },
  iidfile: { kind: "string", path: true, doc: "Write the image id to this file" },
  ipfs: { kind: "boolean", doc: "Build with IPFS-addressed base images" },
  label: { kind: "pairs", separator: "=", doc: "Image labels: { key: value }" },
  network: { kind: "string", doc: "Networking mode for RUN instructions: default, host or none" },
  noCache: { kind: "boolean", doc: "Do not use the build cache" },
  output: { kind: "csv", doc: "Output destination; a map gives one type=...,dest=... value" },
  platform: { kind: "list", doc: "Target platforms, e.g. linux/arm64" },
  progress: { kind: "string", values: ["auto", "tty", "plain"], doc: "Progress output type" },
  provenance: { kind: "csv", doc: "Provenance attestation, e.g. { mode: 'max' } (nerdctl 2.0+)" },
  quiet: { kind: "boolean", doc: "Print only the image id" },
  rm: { kind: "boolean", doc: "Remove intermediate containers after a build" },
  sbom: { kind: "csv", doc: "SBOM attestation, e.g. { generator: '...' } (nerdctl 2.0+)" },
  secret: { kind: "csv", doc: "A secret for RUN --mount=type=secret: { id, src }" },
  ssh: { kind: "list", doc: "SSH agent sockets or keys: default|<id>[=<socket>|<key>]" },
  target: { kind: "string", doc: "The build stage to build" },
  address: { kind: "string", doc: "containerd address (global flag)" },
  host: { kind: "string", doc: "Alias of address (global flag)" },
  cgroupManager: { kind: "string", doc: "cgroup manager: cgroupfs, systemd or none (global flag)" },
  cniNetconfpath: { kind: "string", path: true, doc: "CNI configuration directory (global flag)" },
  cniPath: { kind: "string", path: true, doc: "CNI plugins directory (global flag)" },
  dataRoot: { kind: "string", path: true, doc: "nerdctl's data directory (global flag)" },
  debug: { kind: "boolean", doc: "Debug output (global flag)" },
  debugFull: { kind: "boolean", doc: "Debug output with containerd's (global flag)" },
  hostsDir: { kind: "list", doc: "Registry hosts.toml directories (global flag)" },
  insecureRegistry: { kind: "boolean", doc: "Allow plain-HTTP registries (global flag)" },
  namespace: { kind: "string", doc: "containerd namespace (global flag)" },
  snapshotter: { kind: "string", doc: "containerd snapshotter (global flag)" },
  storageDriver: { kind: "string", doc: "Alias of snapshotter (global flag)" },
} as const satisfies OptionTable;

/** Typed options of the nerdctl backend. */
export type NerdctlOptions = OptionsOf<typeof nerdctlOptions>;

/** What `nerdctl build` can do; it drives BuildKit, so most depends on buildkitd. */
export const nerdctlCapabilities = {
  buildkitSyntax: true,
  cacheMount: true,
  secretMount: true,
  multiPlatform: true,
  push: false,
  load: true,
  // --attest, --provenance and --sbom came with https://github.com/containerd/nerdctl/pull/2786
  // (merged after the 1.7 branch).
  attestations: { since: "2.0", note: "attest, provenance and sbom" },
  imageIdOutput: true,
  reproducibleTimestamps: false,
  progress: true,
} as const satisfies CapabilityTable;
