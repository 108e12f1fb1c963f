import { rmSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BentoError } from "../errors.js";

/** Build-stage secrets written to private files; `dispose` removes them. */
export interface SecretFiles {
  /** `id=NAME,src=FILE` for each secret, as the backends' `secret` option takes them. */
  specs: string[];
  dir?: string;
  dispose(): Promise<void>;
}

const live = new Set<string>();
let exitHookInstalled = false;

/**
 * Writes each secret to a 0600 file in a fresh 0700 directory. The directory
 * is removed by `dispose`, and at process exit if `dispose` never ran.
 */
export async function writeSecretFiles(
  secrets: Readonly<Record<string, string>>,
): Promise<SecretFiles> {
  const names = Object.keys(secrets);
  const bad = names.find((name) => !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name));
  if (bad !== undefined) {
    throw new BentoError(`Invalid build secret name ${JSON.stringify(bad)}.`, {
      hint: "Secret names are environment variable names: letters, digits and _, not starting with a digit.",
    });
  }
  if (names.length === 0) return { specs: [], dispose: async () => {} };
  const dir = await mkdtemp(join(tmpdir(), "bento-secrets-"));
  live.add(dir);
  installExitHook();
  const dispose = async () => {
    await rm(dir, { recursive: true, force: true });
    live.delete(dir);
  };
  try {
    const specs: string[] = [];
    for (const name of names) {
      const file = join(dir, name);
      await writeFile(file, secrets[name]!, { mode: 0o600, flag: "wx" });
      specs.push(`id=${name},src=${file}`);
    }
    return { specs, dir, dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once("exit", () => {
    for (const dir of live) rmSync(dir, { recursive: true, force: true });
  });
}
