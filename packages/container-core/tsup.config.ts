import { defineConfig } from "tsup";
import { bundledLicenses } from "./tsup/bundled-licenses.js";
import { inlineTemplates } from "./tsup/inline-templates.js";
import { nodeBuiltins } from "./tsup/node-builtins.js";

export default defineConfig({
  entry: ["src/index.ts", "src/internal.ts"],
  format: ["esm"],
  dts: true,
  clean: true,
  target: "node20",
  sourcemap: true,
  // The Containerfile templates become part of the code: a bundle of an app using
  // core (esbuild, ncc, webpack) then works without copying any file beside it.
  esbuildPlugins: [inlineTemplates, nodeBuiltins, bundledLicenses],
  // execa and yaml are some 220 small modules that every build loads before its
  // first engine command; as part of core's own files they load in a fraction of
  // the time (packages/bench, "CLI overhead").
  noExternal: ["execa", "yaml"],
});
