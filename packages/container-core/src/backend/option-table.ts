/**
 * Option tables: one per backend, they drive the option types, run-time
 * validation, the argv, and `bento backends` help.
 */

interface OptionBase {
  /** One line shown by `bento backends`. */
  doc: string;
  /** Flag name without `--` when it is not the kebab-case of the key (e.g. `pull=always`). */
  flag?: string;
}

/** `true` gives `--flag`; `false` gives nothing; a string from `values` gives `--flag=value`. */
export interface BooleanOption extends OptionBase {
  kind: "boolean";
  /** Strings also accepted, for flags with an optional value (podman's `--pull=always`). */
  values?: readonly string[];
}
/** `--flag value`; `values` restricts it to an enumeration. */
export interface StringOption extends OptionBase {
  kind: "string";
  values?: readonly string[];
  /** The value is a path: made absolute when it names an existing file or directory. */
  path?: boolean;
}
/** `--flag N`. */
export interface NumberOption extends OptionBase {
  kind: "number";
}
/** A string or a list: `--flag item` once per item. */
export interface ListOption extends OptionBase {
  kind: "list";
  path?: boolean;
}
/** A map, a string or a list: `--flag k<sep>v` once per entry. */
export interface PairsOption extends OptionBase {
  kind: "pairs";
  separator: "=" | ":";
}
/** A map gives one `--flag k=v,k=v`; a string or list gives `--flag item` once per item. */
export interface CsvOption extends OptionBase {
  kind: "csv";
}
/** `{ nofile: [soft, hard] }` gives `--ulimit nofile=soft:hard` once per entry. */
export interface UlimitOption extends OptionBase {
  kind: "ulimit";
}
/** A `[a, b, c]` tuple gives `--flag a:b:c`; a list of tuples or strings gives one flag each. */
export interface TupleOption extends OptionBase {
  kind: "tuple";
}

/** One backend option. */
export type OptionSpec =
  | BooleanOption
  | StringOption
  | NumberOption
  | ListOption
  | PairsOption
  | CsvOption
  | UlimitOption
  | TupleOption;

/** A backend's options by camelCase key. Declare with `as const satisfies OptionTable`. */
export type OptionTable = Readonly<Record<string, OptionSpec>>;

/** A `[a, b, c]` tuple joined with `:` (podman's `volume`, `usernsUidMap`). */
export type Triple = readonly [string, string, string];

/** Whether `value` is a {@link Triple}: exactly three strings. */
export function isTriple(value: unknown): value is Triple {
  return (
    Array.isArray(value) && value.length === 3 && value.every((item) => typeof item === "string")
  );
}
type StringMap = Readonly<Record<string, string>>;

/** The TypeScript type of one option's value. */
export type OptionValue<S extends OptionSpec> = S extends {
  kind: "boolean";
  values: readonly (infer V)[];
}
  ? boolean | V
  : S extends BooleanOption
    ? boolean
    : S extends { kind: "string"; values: readonly (infer V)[] }
      ? V
      : S extends StringOption
        ? string
        : S extends NumberOption
          ? number
          : S extends ListOption
            ? string | readonly string[]
            : S extends PairsOption | CsvOption
              ? string | readonly string[] | StringMap
              : S extends UlimitOption
                ? string | readonly string[] | Readonly<Record<string, readonly [number, number]>>
                : S extends TupleOption
                  ? string | Triple | readonly (string | Triple)[]
                  : never;

/** Options every backend accepts besides its table. */
export interface CommonBackendOptions {
  /** Raw flags passed through as they are, before the context path. */
  extraArgs?: readonly string[];
}

/** The options object a table describes, all optional. */
export type OptionsOf<T extends OptionTable> = {
  -readonly [K in keyof T]?: OptionValue<T[K]>;
} & CommonBackendOptions;
