import { cp } from "node:fs/promises";
import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm"],
  dts: true,
  clean: true,
  target: "node20",
  sourcemap: true,
  // execa and yaml are bundled: Node 20 resolves and loads their ~150 small modules one
  // by one, which cost `bento containerize` about 250 ms before its first engine command.
  // execa stays a lazy chunk of its own; liquidjs and tar (one file each, seldom needed
  // before a build starts) load from node_modules on first use.
  noExternal: ["execa", "yaml"],
  // Bundled CommonJS dependencies of execa call `require` for Node's built-ins.
  banner: {
    js: 'import { createRequire as __bentoCreateRequire } from "node:module";\nconst require = __bentoCreateRequire(import.meta.url);',
  },
  // The Containerfile templates are read at run time from beside the bundle (dist/templates).
  async onSuccess() {
    await cp("src/containerfile/templates", "dist/templates", { recursive: true });
  },
});
