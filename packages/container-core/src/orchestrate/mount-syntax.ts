import { isSupported } from "../backend/capabilities.js";
import type { OCIBuilder } from "../backend/contract.js";
import { usesBuildkit } from "../backend/env.js";
import type { Layout } from "../containerfile/copy-entries.js";

/**
 * Whether the Containerfile may use `RUN --mount`: BentoML's rule for compat
 * (BuildKit backends, unless `DOCKER_BUILDKIT=0`); layered also uses it on
 * builders whose version supports cache and secret mounts (podman 4, buildah 1.24:
 * https://github.com/containers/buildah/pull/3574; podman 3 refuses `type=cache`,
 * https://github.com/containers/podman/issues/12062).
 */
export function useMountSyntax(
  builder: OCIBuilder,
  version: string | undefined,
  layout: Layout,
  env: Readonly<Record<string, string | undefined>>,
): boolean {
  if (usesBuildkit(builder, env)) return true;
  if (layout === "compat" || builder.buildkitSupport) return false;
  return (
    isSupported(builder.capabilities.cacheMount, version) &&
    isSupported(builder.capabilities.secretMount, version)
  );
}
