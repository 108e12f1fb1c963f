import { versionAtLeast } from "./version.js";

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

/** Whether `support` holds for this version of the binary; an unknown version meets no `since`. */
export function isSupported(support: CapabilitySupport | undefined, version?: string): boolean {
  return typeof support === "object" ? versionAtLeast(version, support.since) : support === true;
}

/**
 * Every capability of a backend, evaluated for the version its health check
 * reported; what the report withholds (see `HealthReport.withheld`) is off.
 */
export function liveCapabilities(
  table: CapabilityTable,
  version?: string,
  withheld: Partial<Record<Capability, string>> = {},
): Record<Capability, boolean> {
  return Object.fromEntries(
    CAPABILITIES.map((capability) => [
      capability,
      withheld[capability] === undefined && isSupported(table[capability], version),
    ]),
  ) as Record<Capability, boolean>;
}
