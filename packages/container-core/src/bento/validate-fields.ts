import { BentoYamlError } from "../errors.js";
import { isTagPart } from "../tag.js";

/** A bento.yaml mapping as parsed. */
export type Mapping = Record<string, unknown>;

/** Reads typed fields out of parsed YAML, naming the file and key path on a mismatch. */
export class FieldReader {
  constructor(readonly file: string) {}

  /** The error for `path` holding the wrong thing. */
  fail(path: string, expected: string, hint?: string): BentoYamlError {
    const subject = path === "" ? "" : `${path} `;
    return new BentoYamlError(`${this.file}: ${subject}${expected}`, {
      hint: hint ?? `Fix ${path} in ${this.file}, or rebuild the bento with a current BentoML.`,
    });
  }

  /** A mapping at `path`; absent or null gives `{}`. */
  mapping(value: unknown, path: string): Mapping {
    if (value === undefined || value === null) return {};
    if (!isMapping(value)) throw this.fail(path, "must be a mapping");
    return value;
  }

  /** A string that must be present. */
  requiredString(parent: Mapping, key: string, path: string): string {
    const value = this.optionalString(parent, key, path);
    if (value === undefined || value === "") throw this.fail(path, "is missing");
    return value;
  }

  /** A required name or version: it becomes a path in the cache and the store, and an image tag. */
  tagPart(parent: Mapping, key: string, path: string): string {
    return this.checkTagPart(this.requiredString(parent, key, path), path);
  }

  /** `value` when it follows the tag rules; a name or version that breaks them could climb out of a directory. */
  checkTagPart(value: string, path: string): string {
    if (isTagPart(value)) return value;
    throw this.fail(
      path,
      `"${value}" may only hold letters, digits, "-", "." and "_", start and end with a letter or digit, and be at most 63 characters long`,
    );
  }

  /** A string, or undefined when absent or null. */
  optionalString(parent: Mapping, key: string, path: string): string | undefined {
    const value = parent[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== "string") throw this.fail(path, "must be a string");
    return value;
  }

  /** A list of strings, or undefined when absent or null. */
  optionalStringList(parent: Mapping, key: string, path: string): string[] | undefined {
    const value = parent[key];
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value) || !value.every((item) => typeof item === "string"))
      throw this.fail(path, "must be a list of strings");
    return value;
  }

  /** A list (of anything), `[]` when absent or null. */
  list(parent: Mapping, key: string, path: string): unknown[] {
    const value = parent[key];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) throw this.fail(path, "must be a list");
    return value;
  }

  /** A map of string-ish scalars (strings, booleans) to strings, or undefined when absent. */
  optionalStringMap(
    parent: Mapping,
    key: string,
    path: string,
  ): Record<string, string> | undefined {
    const value = parent[key];
    if (value === undefined || value === null) return undefined;
    if (Array.isArray(value)) return this.pairList(value, path);
    if (!isMapping(value)) throw this.fail(path, "must be a mapping of names to strings");
    const out: Record<string, string> = {};
    for (const [name, item] of Object.entries(value)) {
      const text = scalarText(item);
      if (text === undefined) throw this.fail(`${path}.${name}`, "must be a string");
      out[name] = text;
    }
    return out;
  }

  /** `["K=V", ...]`, the list form BentoML also accepts for `docker.env`. */
  private pairList(value: unknown[], path: string): Record<string, string> {
    const out: Record<string, string> = {};
    value.forEach((item, index) => {
      const eq = typeof item === "string" ? item.indexOf("=") : -1;
      if (typeof item !== "string" || eq <= 0)
        throw this.fail(`${path}[${index}]`, 'must be a "NAME=value" string');
      out[item.slice(0, eq)] = item.slice(eq + 1);
    });
    return out;
  }
}

/** Whether `value` is a plain mapping (not a list, not null). */
export function isMapping(value: unknown): value is Mapping {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A scalar as text: strings as is, booleans as `true`/`false`; undefined for anything else. */
export function scalarText(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "boolean" || typeof value === "number") return String(value);
  return undefined;
}
