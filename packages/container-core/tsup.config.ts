import { defineConfig } from "tsup";
import { inlineTemplates } from "./tsup/inline-templates.js";

export default defineConfig({
  entry: ["src/index.ts", "src/internal.ts"],
  format: ["esm"],
  dts: true,
  clean: true,
  target: "node20",
  sourcemap: true,
  // The Containerfile templates become part of the code: a bundle of an app using
  // core (esbuild, ncc, webpack) then works without copying any file beside it.
  esbuildPlugins: [inlineTemplates],
});
