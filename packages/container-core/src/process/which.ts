import { accessSync, constants, statSync } from "node:fs";
import { delimiter, isAbsolute, join } from "node:path";

/**
 * Finds a binary on `PATH` the way a shell would; `undefined` when absent.
 * Synchronous so pure argument builders can ask whether a runtime exists.
 */
export function which(
  binary: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): string | undefined {
  if (isAbsolute(binary)) return isExecutable(binary) ? binary : undefined;
  for (const dir of (env.PATH ?? "").split(delimiter)) {
    if (dir === "") continue;
    const candidate = join(dir, binary);
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}

function isExecutable(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
