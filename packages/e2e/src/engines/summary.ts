/** How one check ended on one backend. */
export type Outcome = "pass" | "FAIL" | "skipped" | "known bug";

/** The backends the table has a column for, in order. */
export const SUMMARY_BACKENDS = ["docker", "buildx", "buildctl", "podman", "buildah", "nerdctl"];

/** Outcomes by check, then by backend; checks in the order they were declared. */
const outcomes = new Map<string, Map<string, Outcome>>();

/** Puts a check on the table as skipped until it reports. */
export function declareCheck(check: string, backend: string): void {
  const row = outcomes.get(check) ?? new Map<string, Outcome>();
  if (!row.has(backend)) row.set(backend, "skipped");
  outcomes.set(check, row);
}

/** Records how a check ended. */
export function recordOutcome(check: string, backend: string, outcome: Outcome): void {
  declareCheck(check, backend);
  outcomes.get(check)?.set(backend, outcome);
}

/** The check × backend table as text; `-` where a check does not apply (pure over the record). */
export function summaryTable(): string {
  const header = ["check", ...SUMMARY_BACKENDS];
  const rows = [...outcomes].map(([check, row]) => [
    check,
    ...SUMMARY_BACKENDS.map((backend) => row.get(backend) ?? "-"),
  ]);
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((row) => row[i]!.length)));
  const line = (row: string[]) =>
    row
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join("  ")
      .trimEnd();
  return [line(header), ...rows.map(line)].join("\n");
}
