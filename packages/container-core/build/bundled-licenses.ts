// Writes the licenses of the packages bundled into dist, from tsup's esbuild metafile.
import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";

interface PackageJson {
  name: string;
  version: string;
  license?: string;
}

/** The directory of each bundled package (`.../node_modules/<name>`), from the metafile's inputs. */
function packageDirs(inputs: readonly string[]): string[] {
  const dirs = new Set<string>();
  for (const input of inputs) {
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (match) dirs.add(match[1]);
  }
  return [...dirs].sort();
}

/** Reads the metafile, writes one section per bundled package, then removes the metafile. */
export async function writeBundledLicenses(metafile: string, out: string): Promise<void> {
  const { inputs } = JSON.parse(await readFile(metafile, "utf8")) as { inputs: object };
  const sections = [];
  for (const dir of packageDirs(Object.keys(inputs))) {
    const pkg = JSON.parse(await readFile(join(dir, "package.json"), "utf8")) as PackageJson;
    const file = (await readdir(dir)).find((name) => /^licen[cs]e/i.test(name));
    const text = file
      ? (await readFile(join(dir, file), "utf8")).trim()
      : `License: ${pkg.license}`;
    sections.push(`## ${pkg.name}@${pkg.version} (${pkg.license})\n\n${text}\n`);
  }
  const intro =
    "# Bundled third-party code\n\n`dist/` of @bento/container-core includes these packages.\n";
  await writeFile(out, [intro, ...sections].join("\n"));
  await rm(metafile, { force: true });
}
