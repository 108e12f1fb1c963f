import { createHash } from "node:crypto";
import { join } from "node:path";
import { writeCacheFile } from "../context/cache-dir.js";

/**
 * Writes a generated Containerfile (or, with another `suffix`, a file that goes
 * with one) outside the bento, under a name derived from its text, so
 * concurrent builds never collide and the path stays valid after a dry run.
 */
export async function writeContainerfile(
  cacheRoot: string,
  stem: string,
  text: string,
  suffix = ".Dockerfile",
): Promise<string> {
  const digest = createHash("sha256").update(text).digest("hex").slice(0, 12);
  const path = join(cacheRoot, "containerfiles", `${stem}-${digest}${suffix}`);
  await writeCacheFile(path, text, 0o644);
  return path;
}
