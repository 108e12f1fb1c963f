import { exec } from "./exec.js";

/** What a binary's parser made of the flags an argv holds. */
export interface HelpFlagCheck {
  /** Flags listed by `COMMAND --help`. */
  listed: Set<string>;
  /** Flags not listed but accepted by the parser (hidden flags such as docker's `--isolation`). */
  hidden: string[];
  /** Flags the parser rejected, with what it said. */
  rejected: { flag: string; stderr: string }[];
  /** Whether the parser rejects a made-up flag, proving the probe can fail. */
  rejectsBogus: boolean;
}

/**
 * Checks every `--flag` of `argv` against a real binary: listed by its help, or
 * at least accepted by its parser (`COMMAND --flag [value] --help` exits 0).
 */
export async function checkFlagsAgainstHelp(
  command: readonly string[],
  argv: readonly string[],
  env: Readonly<Record<string, string>>,
): Promise<HelpFlagCheck> {
  const help = await exec([...command, "--help"], { env });
  if (help.exitCode !== 0) throw new Error(`${command.join(" ")} --help failed: ${help.stderr}`);
  const listed = helpFlags(help.stdout);
  const hidden: string[] = [];
  const rejected: { flag: string; stderr: string }[] = [];
  for (const [i, token] of argv.entries()) {
    const flag = /^--([a-z0-9-]+)/.exec(token)?.[1];
    if (flag === undefined || listed.has(flag)) continue;
    const value = token.includes("=") || argv[i + 1]?.startsWith("--") ? [] : [argv[i + 1]!];
    const parsed = await exec([...command, token, ...value, "--help"], { env });
    if (parsed.exitCode === 0) hidden.push(flag);
    else rejected.push({ flag, stderr: parsed.stderr });
  }
  const bogus = await exec([...command, "--bento-no-such-flag", "--help"], { env });
  return { listed, hidden, rejected, rejectsBogus: bogus.exitCode !== 0 };
}

/**
 * Flags every backend leaves out of its option table on purpose: `build()`
 * writes `--tag` (from `imageTag`) and `--file` (its Containerfile) itself, and
 * `--help` is no build option.
 */
export const FLAGS_SET_BY_BUILD: readonly string[] = ["file", "help", "tag"];

/** The flags an option table writes: each key in kebab-case, or its `flag` (up to any `=`). */
export function tableFlags(table: Readonly<Record<string, { flag?: string }>>): Set<string> {
  return new Set(
    Object.entries(table).map(
      ([key, spec]) =>
        spec.flag?.split("=")[0] ?? key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`),
    ),
  );
}

/** Flags `--help` lists that the table has no entry for, less `exceptions`, sorted. */
export function flagsMissingFromTable(
  listed: Iterable<string>,
  table: Readonly<Record<string, { flag?: string }>>,
  exceptions: readonly string[] = FLAGS_SET_BY_BUILD,
): string[] {
  const known = tableFlags(table);
  return [...new Set(listed)]
    .filter((flag) => !known.has(flag) && !exceptions.includes(flag))
    .sort();
}

/** The flags a `--help` text lists. */
export function helpFlags(help: string): Set<string> {
  return new Set([...help.matchAll(/--([a-z][a-z0-9-]*)/g)].map((m) => m[1]!));
}
