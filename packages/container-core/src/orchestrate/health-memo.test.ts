import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { HealthReport } from "../backend/contract.js";
import { HEALTH_MEMO_MS, recalledReport, rememberReport } from "./health-memo.js";

const healthy: HealthReport = { backend: "docker", healthy: true, version: "20.10.24" };
const NOW = 1_800_000_000_000;
let cache: string;

beforeEach(async () => {
  cache = await mkdtemp(join(tmpdir(), "bento-memo-"));
});

afterEach(async () => {
  await rm(cache, { recursive: true, force: true });
});

describe("health memo", () => {
  it("recalls a healthy report under the same fingerprint while it is fresh", async () => {
    await rememberReport(cache, "fp-1", healthy, NOW);
    expect(await recalledReport(cache, "docker", "fp-1", NOW + 1_000)).toEqual(healthy);
    expect(await recalledReport(cache, "docker", "fp-1", NOW + HEALTH_MEMO_MS)).toEqual(healthy);
  });

  it("forgets it when the fingerprint changed, it grew stale, or the clock went back", async () => {
    await rememberReport(cache, "fp-1", healthy, NOW);
    expect(await recalledReport(cache, "docker", "fp-2", NOW)).toBeUndefined();
    expect(await recalledReport(cache, "docker", "fp-1", NOW + HEALTH_MEMO_MS + 1)).toBeUndefined();
    expect(await recalledReport(cache, "docker", "fp-1", NOW - 1)).toBeUndefined();
    expect(await recalledReport(cache, "podman", "fp-1", NOW)).toBeUndefined();
  });

  it("never remembers an unhealthy report", async () => {
    await rememberReport(cache, "fp-1", { ...healthy, healthy: false, reason: "down" }, NOW);
    expect(await recalledReport(cache, "docker", "fp-1", NOW)).toBeUndefined();
  });

  it("treats a damaged memo as none, and leaves no partial file when it cannot write", async () => {
    await rememberReport(cache, "fp-1", healthy, NOW);
    await writeFile(join(cache, "health", "docker.json"), "{ not json");
    expect(await recalledReport(cache, "docker", "fp-1", NOW)).toBeUndefined();
    const blocked = join(cache, "file");
    await writeFile(blocked, "");
    await rememberReport(blocked, "fp-1", healthy, NOW);
    expect(await readdir(cache)).toEqual(["file", "health"]);
    expect(await readdir(join(cache, "health"))).toEqual(["docker.json"]);
  });

  it("keeps backend names with path characters inside the memo folder", async () => {
    await rememberReport(cache, "fp", { ...healthy, backend: "../evil" }, NOW);
    expect(await readdir(join(cache, "health"))).toEqual(["..%2Fevil.json"]);
    expect(await recalledReport(cache, "../evil", "fp", NOW)).toMatchObject({ backend: "../evil" });
  });
});
