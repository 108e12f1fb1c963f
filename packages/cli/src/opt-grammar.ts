import {
  camelCase,
  kebabCase,
  OptionError,
  type OptionSpec,
  type OptionTable,
} from "@bento/container-core";
import { DIRECT_FLAGS } from "./deprecated-flags.js";
import { UsageError } from "./usage-error.js";

/** One `--opt` argument: the option key in camelCase and its value (`true` when none was given). */
export interface OptEntry {
  key: string;
  value: string | true;
}

/** Finds the option spec for a camelCase key, or `undefined` when no table has it. */
export type SpecLookup = (key: string) => OptionSpec | undefined;

/**
 * Parses `--opt ARG[=|:]VALUE` as BentoML does: split on the first `=` or `:`,
 * no value means `true`, `-` and `_` in the key are the same.
 */
export function parseOpt(raw: string): OptEntry {
  const at = raw.search(/[=:]/);
  const name = (at === -1 ? raw : raw.slice(0, at)).trim();
  if (name === "") {
    throw new UsageError(`--opt "${raw}" has no option name.`, {
      hint: "Write --opt NAME=VALUE, --opt NAME:VALUE or --opt NAME, e.g. --opt build-arg=FOO=bar or --opt no-cache.",
    });
  }
  return { key: camelCase(kebabCase(name)), value: at === -1 ? true : raw.slice(at + 1) };
}

/**
 * The parsed `--opt` entries the direct flags stand for, and one deprecation
 * note per flag used.
 */
export function directFlagEntries(values: Readonly<Record<string, unknown>>): {
  entries: OptEntry[];
  notes: string[];
} {
  const entries: OptEntry[] = [];
  const notes: string[] = [];
  for (const flag of Object.keys(DIRECT_FLAGS)) {
    const value = values[flag];
    if (value === undefined || value === false) continue;
    const given: (string | true)[] = value === true ? [true] : [value].flat().map(String);
    entries.push(...given.map((item) => ({ key: camelCase(flag), value: item })));
    const instead = given.map((item) => `--opt ${item === true ? flag : `${flag}=${item}`}`);
    notes.push(`--${flag} is deprecated; use ${instead.join(" ")} instead.`);
  }
  return { entries, notes };
}

/** Groups `--opt` entries by key, in the order given; repeated keys accumulate. */
export function collectOpts(entries: readonly OptEntry[]): Map<string, (string | true)[]> {
  const collected = new Map<string, (string | true)[]>();
  for (const { key, value } of entries) {
    collected.set(key, [...(collected.get(key) ?? []), value]);
  }
  return collected;
}

/**
 * The backend options the `--opt` entries give, each converted to its
 * table's kind: booleans from no value, `true`/`false`/`1`/`0`; numbers parsed;
 * lists, pairs, csv, ulimit and tuples one item per argument. A single-valued
 * option (boolean, number, string) given different values is refused, never
 * reduced to the last. `alias` renames a key first (BentoML's `env` is
 * podman's `buildEnv`). Unknown keys pass through for `validateOptions` to name
 * the nearest.
 */
export function optsToOptions(
  entries: readonly OptEntry[],
  lookup: SpecLookup,
  backend: string,
  alias: (key: string) => string = (key) => key,
): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  const renamed = entries.map((entry) => ({ ...entry, key: alias(entry.key) }));
  for (const [key, values] of collectOpts(renamed)) {
    options[key] = convert(key, values, key === "extraArgs" ? LIST : lookup(key), backend);
  }
  return options;
}

/** A lookup over several option tables: the first that has the key wins. */
export function specLookup(tables: readonly OptionTable[]): SpecLookup {
  return (key) => tables.find((table) => Object.hasOwn(table, key))?.[key];
}

const LIST: OptionSpec = { kind: "list", doc: "raw flags" };

function convert(
  key: string,
  values: readonly (string | true)[],
  spec: OptionSpec | undefined,
  backend: string,
): unknown {
  const last = values[values.length - 1]!;
  if (spec === undefined) return values.length === 1 ? last : values;
  if (spec.kind === "boolean") return single(key, values.map(booleanValue));
  const items = values.map((value) => {
    if (value === true) throw missingValue(key, backend);
    return value;
  });
  if (spec.kind !== "number" && spec.kind !== "string") return items;
  const text = single(key, items);
  if (spec.kind === "string") return text;
  return text.trim() !== "" && Number.isFinite(Number(text)) ? Number(text) : text;
}

/** The one value of a single-valued option; different values given for it are refused. */
function single<T>(key: string, values: readonly T[]): T {
  const distinct = [...new Set(values)];
  if (distinct.length > 1) {
    const flag = kebabCase(key);
    throw new OptionError(
      `--opt ${flag} was given ${distinct.length} different values (${distinct.map(String).join(", ")}), and ${flag} takes one.`,
      { hint: `Give --opt ${flag} once, with the value you mean.` },
    );
  }
  return distinct[0]!;
}

function booleanValue(value: string | true): boolean | string {
  if (value === true || value === "true" || value === "1") return true;
  if (value === "false" || value === "0") return false;
  return value;
}

function missingValue(key: string, backend: string): OptionError {
  const flag = kebabCase(key);
  return new OptionError(`--opt ${flag} needs a value for the ${backend} backend.`, {
    hint: `Write --opt ${flag}=VALUE; \`bento backends\` shows what each option takes.`,
  });
}
