#!/usr/bin/env node
// Reads a `pnpm test` log (turbo prefixes, vitest summaries) and prints one
// closing line: "tests: N passed, N failed, N skipped". A test file that failed
// outside its tests (a set-up hook) counts as one failure.
import { readFileSync } from "node:fs";

// biome-ignore lint/suspicious/noControlCharactersInRegex: strips terminal colour codes
const log = readFileSync(process.argv[2] ?? 0, "utf8").replace(/\u001b\[[0-9;]*m/g, "");
const totals = { passed: 0, failed: 0, skipped: 0 };
const failedFiles = new Map();
const failedTests = new Map();
const count = (text, kind) => Number(new RegExp(`(\\d+) ${kind}`).exec(text)?.[1] ?? 0);
for (const line of log.split("\n")) {
  const match = /^(\S*?)\s*(Test Files|Tests)\s+(.*\(\d+\))\s*$/.exec(line);
  if (!match) continue;
  const [, task, what, text] = match;
  if (what === "Test Files") {
    failedFiles.set(task, (failedFiles.get(task) ?? 0) + count(text, "failed"));
    continue;
  }
  for (const kind of ["passed", "failed", "skipped"]) totals[kind] += count(text, kind);
  failedTests.set(task, (failedTests.get(task) ?? 0) + count(text, "failed"));
}
for (const [task, files] of failedFiles) {
  if ((failedTests.get(task) ?? 0) === 0) totals.failed += files;
}
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
