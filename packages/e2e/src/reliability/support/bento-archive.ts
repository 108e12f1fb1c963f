import { writeFile } from "node:fs/promises";
import { type RawTarEntry, rawTar } from "@bento/test-support";
import { BENTO_FILES, type BentoYaml, yamlText } from "./bento-files.js";

/** Writes a bento export archive (gzipped when `path` ends in `gz` or `.bento`) holding a whole bento. */
export async function writeBentoArchive(
  path: string,
  yaml: BentoYaml,
  extra: readonly RawTarEntry[] = [],
): Promise<string> {
  const files = { ...BENTO_FILES, "bento.yaml": yamlText(yaml) };
  const entries = Object.entries(files).map(([rel, content]) => ({ path: rel, content }));
  await writeFile(path, rawTar([...entries, ...extra], /(?:gz|\.bento)$/.test(path)));
  return path;
}
