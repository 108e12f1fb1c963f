import type { HealthContext, HealthReport, OCIBuilder } from "../backend/contract.js";
import { getBackend, hasBackend } from "../backend/registry.js";
import { BackendUnavailableError } from "../errors.js";
import { recalledReport, rememberReport } from "./health-memo.js";

/** The order `auto` tries backends in, as BentoML does. */
export const AUTO_ORDER = ["docker", "podman", "buildah", "buildx", "nerdctl", "buildctl"] as const;

/** A backend that passed its health check (or, for a dry run, the one named). */
export interface SelectedBackend {
  builder: OCIBuilder;
  report: HealthReport;
  /** For a dry run on an unhealthy backend: the health verdict, to show as a warning. */
  warning?: string;
  /** Whether the report is a remembered one rather than a check just run. */
  recalled: boolean;
  /**
   * Stores a fresh healthy report for later builds (when the backend has a
   * fingerprint); the caller does so once the build's inputs passed their checks,
   * so bad input writes nothing.
   */
  remember(): Promise<void>;
}

/**
 * The backend to build with: the named one when healthy, or for `auto` the
 * first healthy of {@link AUTO_ORDER}. An unusable backend is an error carrying
 * its health report's reason and hint. With a `cache` directory, a backend's
 * remembered healthy report stands in for its check while its health
 * fingerprint is unchanged (see {@link OCIBuilder.healthFingerprint}).
 * With `dryRun`, nothing is going to run, so an unhealthy backend is still
 * selected (for `auto`, the first registered one) and its verdict becomes a warning.
 */
export async function selectBackend(
  name: string,
  context: Partial<HealthContext>,
  cache?: string,
  { dryRun = false }: { dryRun?: boolean } = {},
): Promise<SelectedBackend> {
  const diagnose = (builder: OCIBuilder) => checkOrRecall(builder, context, cache);
  if (name !== "auto") {
    const builder = getBackend(name);
    const { report, ...memo } = await diagnose(builder);
    if (report.healthy) return { builder, report, ...memo };
    if (dryRun) return { builder, report, ...memo, warning: dryRunWarning(report) };
    throw new BackendUnavailableError(
      `The ${name} backend cannot build on this machine: ${report.reason ?? "its health check failed"}.`,
      { hint: report.hint ?? `Install ${builder.binary}, or pick another backend with --backend.` },
    );
  }
  const candidates = AUTO_ORDER.filter(hasBackend).map(getBackend);
  const reports: HealthReport[] = [];
  for (const builder of candidates) {
    const { report, ...memo } = await diagnose(builder);
    if (report.healthy) return { builder, report, ...memo };
    reports.push(report);
  }
  const first = candidates[0];
  if (dryRun && first !== undefined) {
    const report = reports[0]!;
    const warning = `${dryRunWarning(report)} No backend is healthy; the command shown is ${first.name}'s.`;
    return { builder: first, report, recalled: false, remember: async () => {}, warning };
  }
  const why = reports.map((r) => `${r.backend}: ${r.reason ?? "unhealthy"}`).join("; ");
  throw new BackendUnavailableError(
    `No healthy backend found${candidates.length ? ` (${why})` : " (none is registered)"}.`,
    {
      hint: "Install and start one of docker, podman, buildah, buildx, nerdctl or buildctl (see `bento health`), or name one with --backend.",
    },
  );
}

/** A dry run's note that its backend could not run the command here, and what to do. */
function dryRunWarning(report: HealthReport): string {
  const why = report.reason ?? "its health check failed";
  return `Dry run: the ${report.backend} backend cannot build on this machine (${why}); the command is shown all the same.${report.hint ? ` ${report.hint}` : ""}`;
}

/** The remembered report when the fingerprint matches, else a real check that can be remembered. */
async function checkOrRecall(
  builder: OCIBuilder,
  context: Partial<HealthContext>,
  cache: string | undefined,
): Promise<{ report: HealthReport; recalled: boolean; remember(): Promise<void> }> {
  const nothing = async () => {};
  const fingerprint = cache ? await builder.healthFingerprint?.(context) : undefined;
  if (cache === undefined || fingerprint === undefined)
    return { report: await builder.diagnose(context), recalled: false, remember: nothing };
  const recalled = await recalledReport(cache, builder.name, fingerprint);
  if (recalled) return { report: recalled, recalled: true, remember: nothing };
  const report = await builder.diagnose(context);
  return { report, recalled: false, remember: () => rememberReport(cache, fingerprint, report) };
}
