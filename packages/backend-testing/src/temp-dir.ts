import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A private temporary directory and the way to remove it. */
export interface TempDir {
  path: string;
  /** Removes the directory and all it holds; safe to call twice. */
  cleanup(): Promise<void>;
}

/** Makes a private directory under `BENTO_TEST_TMPDIR` or the OS temp dir. */
export async function tempDir(
  prefix = "bento-test-",
  env: NodeJS.ProcessEnv = process.env,
): Promise<TempDir> {
  const path = await mkdtemp(join(env.BENTO_TEST_TMPDIR || tmpdir(), prefix));
  return { path, cleanup: () => rm(path, { recursive: true, force: true }) };
}
