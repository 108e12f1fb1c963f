import { stat, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { resolveBento } from "../bento/reference.js";
import type { Layout } from "./copy-entries.js";
import { generateContainerfile } from "./generate.js";

/** Options of {@link getContainerfile}; BentoML's `get_containerfile` keywords in camelCase. */
export interface GetContainerfileOptions {
  /** Write the text here too; a directory gets `<name>_<version>.dockerfile`. */
  outputPath?: string;
  /** Use BuildKit syntax (default true). */
  enableBuildkit?: boolean;
  features?: readonly string[];
  /** `layered` (default) or `compat`. */
  layout?: Layout;
  baseImage?: string;
  frontend?: string | false;
  cwd?: string;
  env?: Readonly<Record<string, string | undefined>>;
  /** Receives warnings (e.g. features ignored for a spec 2 bento); default `console.warn`. */
  onWarning?: (message: string) => void;
}

/** The Containerfile a build of `ref` would use, with the generated-file header on top. */
export async function getContainerfile(
  ref: string,
  options: GetContainerfileOptions = {},
): Promise<string> {
  const bento = await resolveBento(ref, { cwd: options.cwd, env: options.env });
  try {
    const text = await generateContainerfile(
      { dir: bento.dir, config: bento.config },
      {
        layout: options.layout ?? "layered",
        enableBuildkit: options.enableBuildkit ?? true,
        features: options.features,
        baseImage: options.baseImage,
        frontend: options.frontend,
        addHeader: true,
        onWarning: options.onWarning ?? ((message) => console.warn(message)),
      },
    );
    if (options.outputPath !== undefined) {
      const target = resolve(options.cwd ?? process.cwd(), options.outputPath);
      const isDir = (await stat(target).catch(() => undefined))?.isDirectory() ?? false;
      const file = isDir
        ? join(target, `${bento.config.name}_${bento.config.version}.dockerfile`)
        : target;
      await writeFile(file, text);
    }
    return text;
  } finally {
    await bento.dispose();
  }
}
