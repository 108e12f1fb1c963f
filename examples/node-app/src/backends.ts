import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { hasBackend, UnknownBackendError } from "@bento/container-core";

/** Backend packages this app ships with; only the chosen one is imported. */
const BUILT_IN: Readonly<Record<string, () => Promise<unknown>>> = {
  docker: () => import("@bento/backend-docker"),
  buildx: () => import("@bento/backend-buildx"),
  podman: () => import("@bento/backend-podman"),
  buildah: () => import("@bento/backend-buildah"),
  nerdctl: () => import("@bento/backend-nerdctl"),
  buildctl: () => import("@bento/backend-buildctl"),
};

/**
 * Imports each plugin (importing a backend module registers it), then the
 * built-in package of `name` unless a plugin already registered it.
 */
export async function loadBackend(
  name: string,
  plugins: readonly string[],
  cwd: string,
): Promise<void> {
  for (const plugin of plugins) await import(pluginSpecifier(plugin, cwd));
  if (hasBackend(name)) return;
  const load = BUILT_IN[name];
  if (load === undefined)
    throw new UnknownBackendError(`No backend named "${name}" is built in or loaded.`, {
      hint: `Use one of ${Object.keys(BUILT_IN).join(", ")}, or load the module that provides "${name}" with --plugin MODULE.`,
    });
  await load();
}

/** A file that exists (relative to `cwd`) becomes a file URL; anything else is a package name. */
export function pluginSpecifier(plugin: string, cwd: string): string {
  const file = resolve(cwd, plugin);
  return existsSync(file) ? pathToFileURL(file).href : plugin;
}
