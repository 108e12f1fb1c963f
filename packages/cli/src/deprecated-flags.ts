import type { FlagTable } from "./flags.js";

/**
 * BentoML's older direct flags of `bentoml containerize`, each the same as
 * `--opt <flag>[=VALUE]`: the booleans take no value, the others one (repeatable).
 * With `--progress` (the CLI's own flag now, which also takes BentoML's values)
 * these are BentoML's 29 (its "Equivalent options" and "Buildx options" groups).
 */
export const DIRECT_FLAGS: Readonly<Record<string, "boolean" | "string">> = {
  "add-host": "string",
  allow: "string",
  attest: "string",
  "build-arg": "string",
  "build-context": "string",
  builder: "string",
  "cache-from": "string",
  "cache-to": "string",
  "cgroup-parent": "string",
  iidfile: "string",
  label: "string",
  load: "boolean",
  "metadata-file": "string",
  network: "string",
  "no-cache": "boolean",
  "no-cache-filter": "string",
  output: "string",
  platform: "string",
  provenance: "string",
  pull: "boolean",
  push: "boolean",
  quiet: "boolean",
  sbom: "string",
  secret: "string",
  "shm-size": "string",
  ssh: "string",
  target: "string",
  ulimit: "string",
};

/** The direct flags as hidden entries of a flag table. */
export function directFlagTable(): FlagTable {
  return Object.fromEntries(
    Object.entries(DIRECT_FLAGS).map(([flag, type]) => [
      flag,
      { type, multiple: type === "string", hidden: true, doc: `Same as --opt ${flag}` },
    ]),
  );
}
