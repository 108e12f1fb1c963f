import { rmSync } from "node:fs";
import { rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { BentoError } from "../errors.js";
import { makeRunDir } from "./run-dir.js";
import { TRANSIENT_NAMES } from "./transient-names.js";

/** One build secret and the private file it goes to. */
export interface SecretFile {
  name: string;
  path: string;
  value: string;
}

/** Build-stage secrets given private file paths, not yet written; `dispose` removes them. */
export interface SecretFiles {
  /** `id=NAME,src=FILE` for each secret, as the backends' `secret` option takes them. */
  specs: string[];
  /** The files {@link writeSecretFiles} writes. */
  files: SecretFile[];
  dir?: string;
  dispose(): Promise<void>;
}

const live = new Set<string>();
let exitHookInstalled = false;

/**
 * Gives each secret a file in a fresh 0700 directory, writing nothing yet. The
 * directory is removed by `dispose`, and at process exit if `dispose` never ran.
 */
export async function prepareSecretFiles(
  secrets: Readonly<Record<string, string>>,
): Promise<SecretFiles> {
  const names = Object.keys(secrets);
  const bad = names.find((name) => !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name));
  if (bad !== undefined) {
    throw new BentoError(`Invalid build secret name ${JSON.stringify(bad)}.`, {
      hint: "Secret names are environment variable names: letters, digits and _, not starting with a digit.",
    });
  }
  if (names.length === 0) return { specs: [], files: [], dispose: async () => {} };
  const dir = await makeRunDir(tmpdir(), TRANSIENT_NAMES.secretsDir).catch((error: unknown) => {
    throw secretFileError(tmpdir(), error);
  });
  live.add(dir);
  installExitHook();
  const dispose = async () => {
    await rm(dir, { recursive: true, force: true });
    live.delete(dir);
  };
  const files = names.map((name) => ({ name, path: join(dir, name), value: secrets[name]! }));
  const specs = files.map((file) => `id=${file.name},src=${file.path}`);
  return { specs, files, dir, dispose };
}

/** Writes each secret to its 0600 file; a file already there is an error, never overwritten. */
export async function writeSecretFiles(files: readonly SecretFile[]): Promise<void> {
  try {
    for (const file of files) await writeFile(file.path, file.value, { mode: 0o600, flag: "wx" });
  } catch (error) {
    throw secretFileError(dirname(files[0]!.path), error);
  }
}

/** A secret file that could not be made: one clear error naming the folder (TMPDIR's). */
function secretFileError(dir: string, error: unknown): BentoError {
  const code = (error as NodeJS.ErrnoException).code;
  const full = code === "ENOSPC" || code === "EDQUOT";
  return new BentoError(
    `Could not write the build secrets to ${dir}: ${full ? `its filesystem is full (${code})` : (error as Error).message}.`,
    {
      hint: `${full ? "Free space there, or p" : "P"}oint TMPDIR at a private directory with room for a few small files.`,
      cause: error,
    },
  );
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once("exit", () => {
    for (const dir of live) rmSync(dir, { recursive: true, force: true });
  });
}
