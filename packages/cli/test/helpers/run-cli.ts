import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { execa, type ResultPromise } from "execa";

/** The built `bento` binary the tests run. */
export const BIN = fileURLToPath(new URL("../../dist/bin.js", import.meta.url));

/** What a run of the CLI left behind. */
export interface CliResult {
  exitCode: number | undefined;
  stdout: string;
  stderr: string;
}

/** How to run the CLI: its whole environment (nothing is inherited) and working directory. */
export interface CliOptions {
  env?: Record<string, string>;
  cwd?: string;
}

/** Fails with the way out when the binary has not been built, or is older than the sources. */
export function requireBuiltCli(): void {
  const build = "run `pnpm --filter @bento/cli build` before these tests";
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: ${build}.`);
  const built = statSync(BIN).mtimeMs;
  const src = fileURLToPath(new URL("../../src", import.meta.url));
  const newer = sources(src).find((file) => statSync(file).mtimeMs > built);
  if (newer) throw new Error(`${newer} changed after ${BIN} was built: ${build}.`);
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

/** Starts `node dist/bin.js ...args` without a shell. */
export function startCli(args: readonly string[], options: CliOptions = {}): ResultPromise {
  return execa(process.execPath, [BIN, ...args], {
    env: options.env ?? {},
    extendEnv: false,
    cwd: options.cwd,
    reject: false,
    stdin: "ignore",
    stripFinalNewline: false,
  });
}

/** Runs the CLI to the end. */
export async function runCli(
  args: readonly string[],
  options: CliOptions = {},
): Promise<CliResult> {
  const result = await startCli(args, options);
  return {
    exitCode: result.exitCode,
    stdout: String(result.stdout),
    stderr: String(result.stderr),
  };
}
