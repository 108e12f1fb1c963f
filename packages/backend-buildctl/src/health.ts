import { buildkitClientReport, type HealthContext, type HealthReport } from "@bento/container-core";

const INSTALL_HINT = "Install BuildKit (buildctl and buildkitd) and put buildctl on PATH.";

/** Healthy when not on Windows, `buildctl` answers, and buildkitd is reachable (on PATH or BUILDKIT_HOST). */
export function diagnoseBuildctl(context: HealthContext): Promise<HealthReport> {
  return buildkitClientReport(context, {
    backend: "buildctl",
    binary: "buildctl",
    hint: INSTALL_HINT,
  });
}
