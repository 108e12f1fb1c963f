import type { HealthReport } from "@bento/container-core";
import { paint } from "./style.js";
import { renderTable } from "./table.js";

/** `bento health`: one row per backend, then what to do about the unhealthy ones. Pure. */
export function healthText(reports: readonly HealthReport[], color: boolean): string {
  const rows = reports.map((report) => [
    report.backend,
    report.healthy ? paint("healthy", "green", color) : paint("unhealthy", "red", color),
    report.version ?? "-",
    report.binary ?? "-",
    report.healthy ? "" : (report.reason ?? ""),
  ]);
  const hints = reports
    .filter((report) => !report.healthy && report.hint)
    .map((report) => `  ${report.backend}: ${report.hint}`);
  const table = renderTable(["BACKEND", "STATUS", "VERSION", "BINARY", "REASON"], rows);
  return hints.length ? `${table}\nTo fix:\n${hints.join("\n")}\n` : table;
}
