import { chmod, writeFile } from "node:fs/promises";
import { join } from "node:path";

/** Writes `dir/engine`, an executable Node script with `body` as its code; returns its path. */
export async function standInEngine(dir: string, body: string): Promise<string> {
  const engine = join(dir, "engine");
  await writeFile(engine, `#!/usr/bin/env node\n${body}`);
  await chmod(engine, 0o755);
  return engine;
}
