import { parseArgs } from "node:util";
import { nearest } from "@bento/container-core/internal";
import { type FlagTable, GLOBAL_FLAGS } from "./flags.js";
import { UsageError } from "./usage-error.js";

/** Parsed flags by long name, and the positional arguments. */
export interface ParsedArgs {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
}

/**
 * Parses a command's arguments against its flag table plus the global flags;
 * an unknown flag names the closest known one.
 */
export function parseCommandArgs(
  command: string,
  args: readonly string[],
  flags: FlagTable,
): ParsedArgs {
  const table: FlagTable = { ...flags, ...GLOBAL_FLAGS };
  checkFlagNames(command, args, table);
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      options: table,
      allowPositionals: true,
      strict: true,
    });
    return { values, positionals };
  } catch (error) {
    throw new UsageError(`bento ${command}: ${(error as Error).message}`, {
      hint: `Run \`bento ${command} --help\` for its flags.`,
      cause: error,
    });
  }
}

function checkFlagNames(command: string, args: readonly string[], table: FlagTable): void {
  const shorts = new Set(Object.values(table).flatMap((spec) => spec.short ?? []));
  const visible = Object.entries(table).filter(([, spec]) => !spec.hidden);
  for (const [index, arg] of args.entries()) {
    if (arg === "--") return;
    if (takesValue(args[index - 1], table)) continue;
    const name = arg.startsWith("--") ? arg.slice(2).split("=")[0]! : undefined;
    const short = !name && /^-[^-]/.test(arg) ? arg.slice(1, 2) : undefined;
    if ((name !== undefined && !Object.hasOwn(table, name)) || (short && !shorts.has(short))) {
      const guess = name
        ? nearest(
            name,
            visible.map(([flag]) => flag),
          )
        : undefined;
      throw new UsageError(
        `bento ${command} has no flag ${arg.split("=")[0]}.${guess ? ` Did you mean --${guess}?` : ""}`,
        { hint: `Run \`bento ${command} --help\` for its flags.` },
      );
    }
  }
}

function takesValue(previous: string | undefined, table: FlagTable): boolean {
  if (previous === undefined || previous.includes("=")) return false;
  const spec = previous.startsWith("--")
    ? table[previous.slice(2)]
    : Object.values(table).find((flag) => previous === `-${flag.short}`);
  return spec?.type === "string";
}

/** A string flag's value: the last one given. */
export function lastString(value: unknown): string | undefined {
  const last = Array.isArray(value) ? value[value.length - 1] : value;
  return typeof last === "string" ? last : undefined;
}

/** A repeatable string flag's values. */
export function strings(value: unknown): string[] {
  return value === undefined ? [] : [value].flat().filter((item) => typeof item === "string");
}

/** A flag value checked against its allowed values. */
export function oneOf<T extends string>(
  flag: string,
  value: string | undefined,
  allowed: readonly T[],
): T | undefined {
  if (value === undefined || (allowed as readonly string[]).includes(value)) {
    return value as T | undefined;
  }
  throw new UsageError(`--${flag} must be one of ${allowed.join(", ")}, not "${value}".`, {
    hint: `Pass --${flag} ${allowed[0]}, for example.`,
  });
}

/** Refuses positional arguments for a command that takes none. */
export function noArguments(command: string, positionals: readonly string[]): void {
  if (positionals.length === 0) return;
  throw new UsageError(`bento ${command} takes no arguments, got: ${positionals.join(" ")}.`, {
    hint: `Run \`bento ${command} --help\` for its flags.`,
  });
}
