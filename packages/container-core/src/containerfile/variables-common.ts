import type { ResolvedOptions } from "./options.js";

// The user, uid/gid and paths every bento image uses, and BentoServer's metrics port.
const BENTO_USER = "bentoml";
const BENTO_UID_GID = 1034;
const BENTO_HOME = "/home/bentoml/";
const BENTO_PATH = "/home/bentoml/bento";
const METRICS_PORT = 3001;

/**
 * The uv release layered installs when the base image has none (BentoML
 * installs whatever is newest, so an upstream release changes every build).
 */
export const UV_VERSION = "0.8.0";

/** Template variables both specs share, under BentoML's names so users' templates read them. */
export function commonVariables(
  options: ResolvedOptions,
  copyArgs: readonly string[],
): Record<string, unknown> {
  return {
    bento__user: BENTO_USER,
    bento__uid_gid: BENTO_UID_GID,
    bento__home: BENTO_HOME,
    bento__path: BENTO_PATH,
    bento__enable_buildkit: options.enableBuildkit,
    bento__add_header: options.addHeader,
    __enable_buildkit__: options.enableBuildkit,
    __prometheus_port__: METRICS_PORT,
    __copy_args__: copyArgs,
    __layered__: options.layout === "layered",
    __uv_requirement__: options.layout === "layered" ? `uv==${UV_VERSION}` : "uv",
  };
}
