/** What a backend can do, declared as data next to its option table. */
export type Capability =
  | "buildkitSyntax"
  | "cacheMount"
  | "secretMount"
  | "multiPlatform"
  | "push"
  | "load"
  | "attestations"
  | "imageIdOutput"
  | "reproducibleTimestamps"
  | "progress";

/** Every capability, in display order. */
export const CAPABILITIES: readonly Capability[] = [
  "buildkitSyntax",
  "cacheMount",
  "secretMount",
  "multiPlatform",
  "push",
  "load",
  "attestations",
  "imageIdOutput",
  "reproducibleTimestamps",
  "progress",
];

/**
 * `true`: always; `false` or absent: never; `{ since }`: from that version of
 * the backend's binary on (the health check reads the version).
 */
export type CapabilitySupport = boolean | { since: string; note?: string };

/** A backend's capability matrix. */
export type CapabilityTable = Readonly<Partial<Record<Capability, CapabilitySupport>>>;
