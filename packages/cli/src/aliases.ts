import type { FlagTable } from "./flags.js";

/**
 * BentoML's older direct flags of `bentoml containerize`, each the same as
 * `--opt <flag>[=VALUE]`: the booleans take no value, the others one (repeatable).
 * `--progress` is not among them: it is the CLI's own flag now.
 */
export const DIRECT_FLAGS: Readonly<Record<string, "boolean" | "string">> = {
  "add-host": "string",
  allow: "string",
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
  pull: "boolean",
  push: "boolean",
  quiet: "boolean",
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

/** The `--opt` arguments the direct flags stand for, and one deprecation note per flag used. */
export function directFlagOpts(values: Readonly<Record<string, unknown>>): {
  opts: string[];
  notes: string[];
} {
  const opts: string[] = [];
  const notes: string[] = [];
  for (const flag of Object.keys(DIRECT_FLAGS)) {
    const value = values[flag];
    if (value === undefined || value === false) continue;
    const given = value === true ? [flag] : [value].flat().map((item) => `${flag}=${item}`);
    opts.push(...given);
    const instead = given.map((opt) => `--opt ${opt}`).join(" ");
    notes.push(`--${flag} is deprecated; use ${instead} instead.`);
  }
  return { opts, notes };
}
