import { type RecordingStandIn, recordingStandIn } from "@bento/backend-testing";
import { healthContext } from "@bento/container-core";
import { afterEach, describe, expect, it } from "vitest";
import { diagnoseKaniko } from "./health.js";

describe("diagnoseKaniko", () => {
  let standIn: RecordingStandIn | undefined;
  afterEach(() => standIn?.cleanup());

  const contextWith = (dir?: string) =>
    healthContext({ env: { PATH: dir ?? "/nonexistent" }, timeoutMs: 5_000 });

  it("is healthy when `executor version` names a version", async () => {
    standIn = await recordingStandIn("executor", { versionOutput: "Kaniko version :  v1.23.2\n" });
    const report = await diagnoseKaniko(contextWith(standIn.dir), "executor");
    expect(report).toEqual({
      backend: "kaniko",
      healthy: true,
      binary: standIn.path,
      version: "1.23.2",
    });
    expect((await standIn.calls()).map((call) => call.argv)).toEqual([["version"]]);
  });

  it("says the executor is missing and how to get it", async () => {
    const report = await diagnoseKaniko(contextWith(), "executor");
    expect(report.healthy).toBe(false);
    expect(report.reason).toBe("`executor` is not on PATH");
    expect(report.hint).toContain("KANIKO_EXECUTOR");
  });

  it("is unhealthy when the answer holds no version", async () => {
    standIn = await recordingStandIn("executor", { versionOutput: "unknown command\n" });
    const report = await diagnoseKaniko(contextWith(standIn.dir), "executor");
    expect(report.healthy).toBe(false);
    expect(report.reason).toContain("answered unknown command, not a version");
  });
});
