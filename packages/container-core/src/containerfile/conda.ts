import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { CondaOptions } from "../bento/schema.js";

/** Whether bento.yaml's `conda:` asks for anything (then the miniconda template is used). */
export function usesConda(conda: CondaOptions): boolean {
  return (
    [conda.channels, conda.dependencies, conda.pip].some((list) => (list?.length ?? 0) > 0) ||
    Boolean(conda.environment_yml)
  );
}

/** A `python=X.Y` pin ending a line of environment.yml, as BentoML detects it. */
const PYTHON_PIN = /python=(\d+\.\d+)$/;

/**
 * The Python version conda installs: the `python=X.Y` line of the bento's
 * `env/conda/environment.yml`, else `fallback` (docker.python_version).
 */
export async function condaPythonVersion(
  bentoDir: string,
  fallback?: string,
): Promise<string | undefined> {
  let text: string;
  try {
    text = await readFile(join(bentoDir, "env", "conda", "environment.yml"), "utf8");
  } catch {
    return fallback;
  }
  for (const line of text.split(/\r?\n/)) {
    const match = PYTHON_PIN.exec(line);
    if (match) return match[1];
  }
  return fallback;
}
