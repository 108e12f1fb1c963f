import { cp } from "node:fs/promises";
import { defineConfig } from "tsup";
import { writeBundledLicenses } from "./build/bundled-licenses.js";

export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm"],
  dts: true,
  clean: true,
  target: "node20",
  sourcemap: true,
  metafile: true,
  // execa, yaml and liquidjs are bundled: Node 20 resolves and loads execa's and yaml's
  // ~150 small modules one by one, and reaches liquidjs through its CommonJS build, which
  // it must scan for exports; together about 300 ms of `bento containerize` before its
  // first engine command. execa and liquidjs stay lazy chunks; tar loads on first use.
  noExternal: ["execa", "yaml", "liquidjs"],
  esbuildOptions(options) {
    // liquidjs names its ES module build only in `module`.
    options.mainFields = ["module", "main"];
  },
  // Bundled CommonJS dependencies of execa call `require` for Node's built-ins.
  banner: {
    js: 'import { createRequire as __bentoCreateRequire } from "node:module";\nconst require = __bentoCreateRequire(import.meta.url);',
  },
  async onSuccess() {
    // The Containerfile templates are read at run time from beside the bundle (dist/templates).
    await cp("src/containerfile/templates", "dist/templates", { recursive: true });
    await writeBundledLicenses("dist/metafile-esm.json", "dist/THIRD-PARTY-LICENSES.md");
  },
});
