import { OptionError } from "../errors.js";
import { nearest } from "./nearest.js";
import { isTriple, type OptionSpec, type OptionTable } from "./option-table.js";

const COMMON_KEYS = new Set(["extraArgs"]);

/**
 * Checks backend options against the backend's table: an unknown key names the
 * closest valid one, a wrong type names the expected one.
 */
export function validateOptions(
  backend: string,
  table: OptionTable,
  options: Readonly<Record<string, unknown>>,
): void {
  for (const [key, value] of Object.entries(options)) {
    if (value === undefined) continue;
    if (key === "extraArgs") {
      if (!isStringList(value)) throw typeError(backend, key, value, "a list of strings");
      continue;
    }
    const spec = table[key];
    if (spec === undefined) throw unknownOptionError(key, Object.keys(table), backend);
    const expected = typeProblem(spec, value);
    if (expected !== undefined) throw typeError(backend, key, value, expected);
  }
}

/**
 * The error for a key none of `known` is, naming the nearest; `backend`
 * `undefined` stands for every registered backend (`auto`).
 */
export function unknownOptionError(
  key: string,
  known: Iterable<string>,
  backend?: string,
): OptionError {
  const suggestion = nearest(key, [...known, ...COMMON_KEYS]);
  const why = suggestion ? ` Did you mean "${suggestion}"?` : "";
  const whose = backend === undefined ? "any registered backend" : `the ${backend} backend`;
  const options = backend === undefined ? "each backend's" : `${backend}'s`;
  return new OptionError(`Unknown option "${key}" for ${whose}.${why}`, {
    hint: `Run \`bento backends\` to see ${options} options, or pass raw flags with extraArgs.`,
    option: { key, problem: "unknown", backend, suggestion },
  });
}

function typeError(backend: string, key: string, value: unknown, expected: string): OptionError {
  return new OptionError(
    `Option "${key}" of the ${backend} backend must be ${expected}, not ${describe(value)}.`,
    {
      hint: `Fix the value of "${key}"; \`bento backends\` lists every option with its type.`,
      option: { key, problem: "type", backend },
    },
  );
}

/** What the value should have been, or `undefined` when it fits. */
function typeProblem(spec: OptionSpec, value: unknown): string | undefined {
  switch (spec.kind) {
    case "boolean":
      if (typeof value === "boolean" || spec.values?.includes(value as string)) return undefined;
      return spec.values ? `true, false or one of ${spec.values.join(", ")}` : "true or false";
    case "number":
      return typeof value === "number" && Number.isFinite(value) ? undefined : "a number";
    case "string":
      if (typeof value !== "string") return "a string";
      if (spec.values && !spec.values.includes(value)) return `one of ${spec.values.join(", ")}`;
      return undefined;
    case "list":
      return isStringOrList(value) ? undefined : "a string or a list of strings";
    case "pairs":
    case "csv":
      return isStringOrList(value) || isMapOf(value, isString)
        ? undefined
        : "a string, a list of strings or a map of strings";
    case "ulimit":
      return isStringOrList(value) || isMapOf(value, isSoftHard)
        ? undefined
        : "a string, a list of strings or a map of [soft, hard] numbers";
    case "tuple":
      return isStringOrList(value) ||
        isTriple(value) ||
        (Array.isArray(value) && value.every((item) => isString(item) || isTriple(item)))
        ? undefined
        : "a string, a [a, b, c] tuple or a list of those";
  }
}

const isString = (value: unknown): value is string => typeof value === "string";
const isStringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every(isString);
const isStringOrList = (value: unknown): boolean => isString(value) || isStringList(value);
const isSoftHard = (value: unknown): boolean =>
  Array.isArray(value) && value.length === 2 && value.every((n) => Number.isInteger(n));

function isMapOf(value: unknown, check: (item: unknown) => boolean): boolean {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every(check)
  );
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return "a list";
  if (value === null) return "null";
  return `${typeof value === "object" ? "a map" : `the ${typeof value}`} ${JSON.stringify(value)}`;
}
