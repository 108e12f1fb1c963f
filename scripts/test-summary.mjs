#!/usr/bin/env node
// Reads a `pnpm test` log (turbo prefixes, vitest summaries) and prints one
// closing line: "tests: N passed, N failed, N skipped".
import { readFileSync } from "node:fs";

const log = readFileSync(process.argv[2] ?? 0, "utf8").replace(/\u001b\[[0-9;]*m/g, "");
const totals = { passed: 0, failed: 0, skipped: 0 };
for (const line of log.split("\n")) {
  const summary = /\bTests\s+(.*\(\d+\))\s*$/.exec(line);
  if (!summary) continue;
  for (const [, count, kind] of summary[1].matchAll(/(\d+) (passed|failed|skipped)/g)) {
    totals[kind] += Number(count);
  }
}
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
