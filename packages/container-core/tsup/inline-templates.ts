// An esbuild plugin for tsup: replaces src/containerfile/template-files.ts with the
// templates' texts, so dist needs no templates folder and bundlers need no loader.
import { readdir, readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { Options } from "tsup";

type Plugin = NonNullable<Options["esbuildPlugins"]>[number];

/** Inlines every file of the `templates` folder beside `template-files.ts`. */
export const inlineTemplates: Plugin = {
  name: "inline-templates",
  setup(build) {
    build.onLoad({ filter: /[\\/]containerfile[\\/]template-files\.ts$/ }, async (args) => {
      const dir = join(dirname(args.path), "templates");
      const names = (await readdir(dir)).sort();
      const texts: Record<string, string> = {};
      for (const name of names) texts[name] = await readFile(join(dir, name), "utf8");
      return {
        contents: `const TEXTS = Object.freeze(${JSON.stringify(texts)});\nexport function templateFiles() { return TEXTS; }\n`,
        loader: "js",
        watchFiles: names.map((name) => join(dir, name)),
      };
    });
  },
};
