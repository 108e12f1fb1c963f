import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { HealthReport } from "../backend/contract.js";
import { writeCacheFile } from "../context/cache-dir.js";

/** How long a healthy report stands in for the check while its fingerprint still matches. */
export const HEALTH_MEMO_MS = 10 * 60_000;

/** One remembered report, as stored in `<cache>/health/<backend>.json`. */
interface MemoFile {
  fingerprint: string;
  checkedAt: number;
  report: HealthReport;
}

/**
 * The healthy report remembered for `backend` under the same fingerprint, when
 * it is at most {@link HEALTH_MEMO_MS} old; otherwise `undefined`.
 */
export async function recalledReport(
  cache: string,
  backend: string,
  fingerprint: string,
  now = Date.now(),
): Promise<HealthReport | undefined> {
  try {
    const memo = JSON.parse(await readFile(memoPath(cache, backend), "utf8")) as MemoFile;
    const fresh = now - memo.checkedAt >= 0 && now - memo.checkedAt <= HEALTH_MEMO_MS;
    const same = memo.fingerprint === fingerprint && memo.report?.backend === backend;
    return fresh && same && memo.report.healthy === true ? memo.report : undefined;
  } catch {
    return undefined;
  }
}

/** Remembers a healthy report; a report that could not be written is simply not remembered. */
export async function rememberReport(
  cache: string,
  fingerprint: string,
  report: HealthReport,
  now = Date.now(),
): Promise<void> {
  if (!report.healthy) return;
  const path = memoPath(cache, report.backend);
  const memo: MemoFile = { fingerprint, checkedAt: now, report };
  // Not written, not remembered: the next build checks again.
  await writeCacheFile(path, JSON.stringify(memo)).catch(() => {});
}

function memoPath(cache: string, backend: string): string {
  return join(cache, "health", `${encodeURIComponent(backend)}.json`);
}
