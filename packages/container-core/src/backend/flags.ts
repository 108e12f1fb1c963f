import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { kebabCase } from "./kebab.js";
import { isTriple, type OptionSpec, type OptionTable } from "./option-table.js";

/** How path values are resolved: from the caller's working directory, if the path exists. */
export interface FlagContext {
  cwd?: string;
  /** Whether a path exists; default: the real filesystem (pass one to keep the call pure). */
  exists?: (path: string) => boolean;
}

/**
 * The flags for every option set in `options`, in table order, per the mapping
 * rules of SPEC 8. Keys not in the table are ignored (validate first).
 */
export function optionArgs(
  table: OptionTable,
  options: Readonly<Record<string, unknown>>,
  context: FlagContext = {},
): string[] {
  const args: string[] = [];
  for (const [key, spec] of Object.entries(table)) {
    const value = options[key];
    if (value !== undefined && value !== null) args.push(...flagArgs(key, spec, value, context));
  }
  return args;
}

/** The flags for one option value. */
export function flagArgs(
  key: string,
  spec: OptionSpec,
  value: unknown,
  context: FlagContext = {},
): string[] {
  const flag = `--${spec.flag ?? kebabCase(key)}`;
  switch (spec.kind) {
    case "boolean":
      if (typeof value === "string") return [`${flag}=${value}`];
      return value === true ? [flag] : [];
    case "number":
      return [flag, String(value)];
    case "string":
    case "list":
      return each(
        flag,
        items(value).map((item) => (spec.path ? absolutePath(item, context) : item)),
      );
    case "pairs":
      return each(flag, isMap(value) ? joinEntries(value, spec.separator) : items(value));
    case "csv":
      return each(flag, isMap(value) ? [joinEntries(value, "=").join(",")] : items(value));
    case "ulimit":
      return each(
        flag,
        isMap(value)
          ? Object.entries(value).map(
              ([type, limits]) => `${type}=${(limits as number[]).join(":")}`,
            )
          : items(value),
      );
    case "tuple":
      return each(flag, tupleItems(value));
  }
}

/** A value naming an existing path is made absolute, as BentoML does. */
export function absolutePath(value: string, context: FlagContext = {}): string {
  const absolute = resolve(context.cwd ?? process.cwd(), value);
  return (context.exists ?? existsSync)(absolute) ? absolute : value;
}

function each(flag: string, values: readonly string[]): string[] {
  return values.flatMap((value) => [flag, value]);
}

function items(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [String(value)];
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function joinEntries(map: Record<string, unknown>, separator: string): string[] {
  return Object.entries(map).map(([k, v]) => `${k}${separator}${String(v)}`);
}

/**
 * A `[a, b, c]` tuple of colon-free strings is one `a:b:c` value; any other
 * list is one value per item, each item itself a tuple or a string.
 */
function tupleItems(value: unknown): string[] {
  if (!Array.isArray(value)) return [String(value)];
  if (isTriple(value) && value.every((item) => !item.includes(":"))) return [value.join(":")];
  return value.map((item) => (Array.isArray(item) ? item.join(":") : String(item)));
}
