import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { isAbsolute, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { isBentoLike } from "./render/errors.js";
import { UsageError } from "./usage-error.js";

/** The official backends, loaded by default; each registers itself on import. */
const OFFICIAL_BACKENDS: Readonly<Record<string, () => Promise<unknown>>> = {
  docker: () => import("@bento/backend-docker"),
  buildx: () => import("@bento/backend-buildx"),
  podman: () => import("@bento/backend-podman"),
  buildah: () => import("@bento/backend-buildah"),
  nerdctl: () => import("@bento/backend-nerdctl"),
  buildctl: () => import("@bento/backend-buildctl"),
};

/** Plugin packages from `--plugin` flags and `BENTO_BACKEND_PLUGINS` (comma-separated), once each. */
export function pluginNames(
  flags: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): string[] {
  const fromEnv = (env.BENTO_BACKEND_PLUGINS ?? "").split(",");
  return [...new Set([...fromEnv, ...flags].map((name) => name.trim()).filter(Boolean))];
}

/**
 * Loads the official backends (only `only`, when that names one of them), then
 * each plugin; a plugin that fails to load is a usage error.
 */
export async function loadBackends(
  plugins: readonly string[],
  cwd: string,
  only?: string,
): Promise<void> {
  const official =
    only !== undefined && Object.hasOwn(OFFICIAL_BACKENDS, only)
      ? [OFFICIAL_BACKENDS[only]!]
      : Object.values(OFFICIAL_BACKENDS);
  // One after the other: backends register on import, and listings follow that order.
  for (const load of official) await load();
  for (const name of plugins) {
    const file = resolvePlugin(name, cwd);
    try {
      await import(pathToFileURL(file).href);
    } catch (error) {
      if (isBentoLike(error)) throw error;
      throw new UsageError(
        `The backend plugin "${name}" failed to load from ${file}: ${(error as Error).message}`,
        { hint: "Fix or reinstall the plugin package, or drop it from --plugin.", cause: error },
      );
    }
  }
}

/**
 * The entry file of a plugin: a path, or a package resolved from the working
 * directory first, then from the CLI's own location.
 */
export function resolvePlugin(name: string, cwd: string): string {
  if (name.startsWith(".") || isAbsolute(name)) {
    const path = resolve(cwd, name);
    if (existsSync(join(path, "package.json"))) return packageEntry(path);
    if (existsSync(path)) return path;
  } else {
    for (const base of [join(cwd, "package.json"), fileURLToPath(import.meta.url)]) {
      const require = createRequire(base);
      try {
        return require.resolve(name);
      } catch {
        // ESM-only packages export no `require` condition; find the directory instead.
      }
      const dir = require.resolve
        .paths(name)
        ?.map((modules) => join(modules, name))
        .find((candidate) => existsSync(join(candidate, "package.json")));
      if (dir) return packageEntry(dir);
    }
  }
  throw new UsageError(`The backend plugin "${name}" was not found from ${cwd}.`, {
    hint: `Install it in this project (npm install ${name}) or pass its path, then retry.`,
  });
}

interface PackageJson {
  exports?: unknown;
  module?: string;
  main?: string;
}

function packageEntry(dir: string): string {
  const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as PackageJson;
  return join(dir, exportTarget(pkg.exports) ?? pkg.module ?? pkg.main ?? "index.js");
}

/** The file `import` would pick from an `exports` field's `.` entry. */
function exportTarget(exports: unknown): string | undefined {
  if (typeof exports === "string") return exports;
  if (typeof exports !== "object" || exports === null) return undefined;
  const map = exports as Record<string, unknown>;
  if ("." in map) return exportTarget(map["."]);
  const condition = ["import", "node", "default"].find((key) => key in map);
  return condition ? exportTarget(map[condition]) : undefined;
}
