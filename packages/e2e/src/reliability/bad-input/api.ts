import "@bento/backend-docker";
import "@bento/backend-podman";
import type { GetContainerfileOptions } from "@bento/container-core";
import { type BuildOptions, build, getContainerfile } from "@bento/container-core";
import type { ApiContext } from "./case.js";

/** `build(ref, options)` in the case's environment (backends docker and podman registered). */
export function apiBuild(options: Readonly<Record<string, unknown>> = {}) {
  return (ref: string, { env, cwd }: ApiContext) =>
    build(ref, { env, cwd, ...options } as BuildOptions);
}

/** `getContainerfile(ref, options)` in the case's environment. */
export function apiContainerfile(options: GetContainerfileOptions = {}) {
  return (ref: string, { env, cwd }: ApiContext) => getContainerfile(ref, { env, cwd, ...options });
}
