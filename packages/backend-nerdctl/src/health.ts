import { buildkitClientReport, type HealthContext, type HealthReport } from "@bento/container-core";

const INSTALL_HINT = "Install nerdctl (the full bundle includes BuildKit) and put it on PATH.";

/** Healthy when not on Windows, `nerdctl` answers, and buildkitd is reachable (on PATH or BUILDKIT_HOST). */
export function diagnoseNerdctl(context: HealthContext): Promise<HealthReport> {
  return buildkitClientReport(context, {
    backend: "nerdctl",
    binary: "nerdctl",
    hint: INSTALL_HINT,
  });
}
