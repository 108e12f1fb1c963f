import type { OCIBuilder } from "../backend/contract.js";
import { usesBuildkit } from "../backend/env.js";

/**
 * Drops a `progress` option when the backend builds without BuildKit (podman,
 * buildah, `DOCKER_BUILDKIT=0`), with a warning, as BentoML's containerize
 * does: scripts that pass `--opt progress=plain` to every backend keep working.
 * `options` is the build's own copy of the backend options; it is changed in place.
 */
export function dropProgressWithoutBuildkit(
  builder: Pick<OCIBuilder, "name" | "buildkitSupport" | "env">,
  env: Readonly<Record<string, string | undefined>>,
  options: Record<string, unknown>,
  onWarning: (message: string) => void,
): void {
  if (options.progress === undefined || usesBuildkit(builder, env)) return;
  onWarning(
    `progress=${String(options.progress)} dropped: the ${builder.name} backend builds without BuildKit, which --progress needs.`,
  );
  delete options.progress;
}
