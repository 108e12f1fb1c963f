import type { HealthContext, HealthReport, OCIBuilder } from "../backend/contract.js";
import { getBackend, hasBackend } from "../backend/registry.js";
import { BackendUnavailableError } from "../errors.js";

/** The order `auto` tries backends in, as BentoML does. */
export const AUTO_ORDER = ["docker", "podman", "buildah", "buildx", "nerdctl", "buildctl"] as const;

/** A backend that passed its health check. */
export interface SelectedBackend {
  builder: OCIBuilder;
  report: HealthReport;
}

/**
 * The backend to build with: the named one when healthy, or for `auto` the
 * first healthy of {@link AUTO_ORDER}. An unusable backend is an error carrying
 * its health report's reason and hint.
 */
export async function selectBackend(
  name: string,
  context: Partial<HealthContext>,
): Promise<SelectedBackend> {
  if (name !== "auto") {
    const builder = getBackend(name);
    const report = await builder.diagnose(context);
    if (report.healthy) return { builder, report };
    throw new BackendUnavailableError(
      `The ${name} backend cannot build on this machine: ${report.reason ?? "its health check failed"}.`,
      { hint: report.hint ?? `Install ${builder.binary}, or pick another backend with --backend.` },
    );
  }
  const candidates = AUTO_ORDER.filter(hasBackend).map(getBackend);
  const reports: HealthReport[] = [];
  for (const builder of candidates) {
    const report = await builder.diagnose(context);
    if (report.healthy) return { builder, report };
    reports.push(report);
  }
  const why = reports.map((r) => `${r.backend}: ${r.reason ?? "unhealthy"}`).join("; ");
  throw new BackendUnavailableError(
    `No healthy backend found${candidates.length ? ` (${why})` : " (none is registered)"}.`,
    {
      hint: "Install and start one of docker, podman, buildah, buildx, nerdctl or buildctl (see `bento health`), or name one with --backend.",
    },
  );
}
