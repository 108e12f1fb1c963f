import { stat } from "node:fs/promises";

/**
 * A file's identity for a health fingerprint: inode, size and change times, so
 * a replaced binary or a re-created socket reads differently; `undefined` when
 * the file is missing.
 */
export async function fileIdentity(path: string): Promise<string | undefined> {
  const found = await stat(path).catch(() => undefined);
  return found && `${path}@${found.ino}:${found.size}:${found.mtimeMs}:${found.ctimeMs}`;
}
