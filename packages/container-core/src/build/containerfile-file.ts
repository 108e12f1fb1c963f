import { createHash, randomBytes } from "node:crypto";
import { mkdir, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";

/**
 * Writes a generated Containerfile outside the bento, under a name derived from
 * its text, so concurrent builds never collide and the path stays valid after
 * a dry run.
 */
export async function writeContainerfile(
  cacheRoot: string,
  stem: string,
  text: string,
): Promise<string> {
  const dir = join(cacheRoot, "containerfiles");
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const digest = createHash("sha256").update(text).digest("hex").slice(0, 12);
  const path = join(dir, `${stem}-${digest}.Dockerfile`);
  const temporary = `${path}.${randomBytes(4).toString("hex")}.tmp`;
  await writeFile(temporary, text, { mode: 0o644 });
  await rename(temporary, path);
  return path;
}
