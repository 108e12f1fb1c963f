import {
  CAPABILITIES,
  type Capability,
  type CoreCopy,
  type HealthReport,
} from "@bento/container-core";
import { paint } from "./style.js";
import { renderTable } from "./table.js";

/** A health report with the capabilities its backend has at the version found. */
export interface LiveReport extends HealthReport {
  capabilities: Record<Capability, boolean>;
}

/**
 * `bento health`: one row per backend (with the endpoint checked, when any
 * report names one), which capabilities are live on the healthy ones, then
 * what to do about the unhealthy ones. Pure.
 */
export function healthText(reports: readonly LiveReport[], color: boolean): string {
  const endpoints = reports.some((report) => report.endpoint || report.builder);
  const rows = reports.map((report) => [
    report.backend,
    report.healthy ? paint("healthy", "green", color) : paint("unhealthy", "red", color),
    versionCell(report),
    report.binary ?? "-",
    ...(endpoints ? [endpointCell(report)] : []),
    report.healthy ? "" : (report.reason ?? ""),
  ]);
  const hints = reports
    .filter((report) => !report.healthy && report.hint)
    .map((report) => `  ${report.backend}: ${report.hint}`);
  const headers = ["BACKEND", "STATUS", "VERSION", "BINARY", ...(endpoints ? ["ENDPOINT"] : [])];
  const table = renderTable([...headers, "REASON"], rows);
  const healthy = reports.filter((report) => report.healthy);
  const live = healthy.length
    ? `\nLive capabilities:\n${renderTable(
        ["CAPABILITY", ...healthy.map((report) => report.backend)],
        CAPABILITIES.map((capability) => [
          capability,
          ...healthy.map((report) => (report.capabilities[capability] ? "yes" : "no")),
        ]),
      )}`
    : "";
  return hints.length ? `${table}${live}\nTo fix:\n${hints.join("\n")}\n` : `${table}${live}`;
}

/** Where the check went: the builder instance and its endpoint, as far as known. */
function endpointCell(report: HealthReport): string {
  const parts = [report.builder, report.endpoint].filter(Boolean);
  return parts.length ? parts.join(" at ") : "-";
}

/** The report's version, and the client CLI's when the backend gave it (docker: server, then CLI). */
function versionCell(report: HealthReport): string {
  if (report.version === undefined) return "-";
  return report.clientVersion ? `${report.version} (CLI ${report.clientVersion})` : report.version;
}

/**
 * The warning for more than one loaded copy of core (a backend that brought its
 * own); empty for one. Pure.
 */
export function coreCopiesWarning(copies: readonly CoreCopy[], color: boolean): string {
  if (copies.length < 2) return "";
  const list = copies.map((copy) => `  ${copy.path} (${copy.version ?? "unknown version"})`);
  return [
    `${paint("warning:", "yellow", color)} ${copies.length} copies of @bento/container-core are loaded:`,
    ...list,
    "Backends registered by one copy are typed and checked against another. Run `npm ls @bento/container-core` " +
      "to see which package brought its own, then `npm dedupe`; a backend package should list core as a peer dependency.",
    "",
  ].join("\n");
}
