import { appendFile } from "node:fs/promises";
import { join } from "node:path";
import type { RecordingStandIn } from "@bento/test-support";

/**
 * Makes a recording stand-in also save what it reads on standard input, for a
 * loader that is fed a tarball through a pipe; returns the file it writes.
 */
export async function captureStdin(standIn: RecordingStandIn): Promise<string> {
  const file = join(standIn.dir, "stdin.bin");
  // Appended after the stand-in's own code, which never reads stdin.
  const line = `require("node:fs").appendFileSync(${JSON.stringify(file)}, require("node:fs").readFileSync(0));\n`;
  await appendFile(standIn.path, line);
  return file;
}
