import { appendFile, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";

/** Appends one comment line to the bento's `src/service.py`: a one-line code change. */
export async function editServiceSource(bentoDir: string): Promise<void> {
  await appendFile(join(bentoDir, "src/service.py"), "# changed by the e2e suite\n");
}

/** The marker file the build-secret step writes: the sha256 of the secret it saw. */
export const SECRET_MARKER = "build-token-ran";

/**
 * Turns a copy of the spec-2 iris bento into one with a `stage: build` env
 * `name` (no value: the build takes it from the environment) and a first
 * `post_commands` step that writes the sha256 of its value to `/tmp/<SECRET_MARKER>`.
 * `nonce` makes that step's text new: BuildKit leaves secrets out of its cache
 * key, so a cached step would show the value an earlier build saw.
 */
export async function addBuildStageEnv(
  bentoDir: string,
  name: string,
  nonce: string,
): Promise<void> {
  const path = join(bentoDir, "bento.yaml");
  const yaml = await readFile(path, "utf8");
  const step = `: ${nonce}; printf %s "$${name}" | sha256sum | cut -d" " -f1 > /tmp/${SECRET_MARKER}`;
  const edited = replaceOnce(
    replaceOnce(yaml, "\nenvs:\n", `\nenvs:\n  - name: ${name}\n    stage: build\n`),
    "\n  post_commands:\n",
    `\n  post_commands:\n    - '${step}'\n`,
  );
  await writeFile(path, edited);
}

function replaceOnce(text: string, anchor: string, replacement: string): string {
  const at = text.indexOf(anchor);
  if (at < 0 || text.indexOf(anchor, at + 1) >= 0) {
    throw new Error(`bento.yaml: expected exactly one ${JSON.stringify(anchor)}`);
  }
  return text.slice(0, at) + replacement + text.slice(at + anchor.length);
}
