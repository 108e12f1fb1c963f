// An esbuild plugin for tsup: the dependencies bundled into dist keep their
// licenses beside the code, in dist/THIRD-PARTY-LICENSES.md.
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { Options } from "tsup";

type Plugin = NonNullable<Options["esbuildPlugins"]>[number];

/** Writes the name, version, license and license text of each bundled package. */
export const bundledLicenses: Plugin = {
  name: "bundled-licenses",
  setup(build) {
    build.initialOptions.metafile = true;
    build.onEnd(async (result) => {
      const outdir = build.initialOptions.outdir;
      if (!result.metafile || !outdir) return;
      const roots = new Set<string>();
      for (const input of Object.keys(result.metafile.inputs)) {
        const at = input.lastIndexOf("node_modules/");
        if (at < 0) continue;
        const [first, second] = input.slice(at + "node_modules/".length).split("/");
        const name = first?.startsWith("@") ? `${first}/${second}` : first;
        roots.add(resolve(input.slice(0, at), "node_modules", name ?? ""));
      }
      const sections = await Promise.all([...roots].sort().map(licenseSection));
      const text = `# Third-party code in this package's dist\n\n${sections.join("\n")}`;
      // tsup writes the bundle after this hook: on a first build dist does not exist yet.
      await mkdir(outdir, { recursive: true });
      await writeFile(join(outdir, "THIRD-PARTY-LICENSES.md"), text);
    });
  },
};

async function licenseSection(root: string): Promise<string> {
  const manifest = JSON.parse(await readFile(join(root, "package.json"), "utf8"));
  const file = (await readdir(root)).find((name) => /^licen[cs]e(\.|$)/i.test(name));
  const text = file ? (await readFile(join(root, file), "utf8")).trim() : "(no license file)";
  return `## ${manifest.name}@${manifest.version} (${manifest.license})\n\n\`\`\`\n${text}\n\`\`\`\n`;
}
