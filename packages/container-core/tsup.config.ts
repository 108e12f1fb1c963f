import { cp } from "node:fs/promises";
import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm"],
  dts: true,
  clean: true,
  target: "node20",
  sourcemap: true,
  // The Containerfile templates are read at run time from beside the bundle (dist/templates).
  async onSuccess() {
    await cp("src/containerfile/templates", "dist/templates", { recursive: true });
  },
});
