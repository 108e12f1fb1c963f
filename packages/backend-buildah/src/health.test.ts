import { type CommandRunner, healthContext, type RunResult } from "@bento/container-core";
import { describe, expect, it } from "vitest";
import { buildahFingerprint } from "./health.js";
import { buildahBackend } from "./index.js";

const BUILDAH = "/usr/bin/buildah";
const ok: RunResult = { stdout: "", stderr: "", failed: false, timedOut: false, exitCode: 0 };

const diagnose = (answer: Partial<RunResult>, timeoutMs = 1_000) =>
  buildahBackend.diagnose({
    run: async () => ({ ...ok, ...answer }),
    which: (binary) => (binary === "buildah" ? BUILDAH : undefined),
    env: {},
    timeoutMs,
  });

describe("buildah health", () => {
  it("is healthy when buildah answers its version", async () => {
    expect(
      await diagnose({
        stdout: "buildah version 1.28.2 (image-spec 1.1.0-rc2, runtime-spec 1.0.2-dev)",
      }),
    ).toEqual({
      backend: "buildah",
      healthy: true,
      binary: BUILDAH,
      version: "1.28.2",
    });
  });

  it("reports a missing binary with an install hint", async () => {
    const report = await buildahBackend.diagnose({ which: () => undefined, env: {} });
    expect(report).toMatchObject({ healthy: false, reason: "`buildah` is not on PATH" });
    expect(report.hint).toMatch(/apt-get install buildah/);
  });

  it.each([
    [
      { failed: true, exitCode: 1, stderr: "permission denied" },
      `\`${BUILDAH} --version\` exited with code 1: permission denied`,
    ],
    [
      { failed: true, exitCode: 139 },
      `\`${BUILDAH} --version\` exited with code 139 and printed nothing`,
    ],
    [{ failed: true, timedOut: true }, `\`${BUILDAH} --version\` did not answer within 1000 ms`],
    [
      { stdout: "\u0000\u0001garbage" },
      `\`${BUILDAH} --version\` answered \u0000\u0001garbage, not a version`,
    ],
  ] as const)("reports a misbehaving binary: %j", async (answer, reason) => {
    expect(await diagnose(answer)).toMatchObject({ healthy: false, binary: BUILDAH, reason });
  });

  it("never hangs, even when buildah does", async () => {
    const hang: CommandRunner = () => new Promise(() => {});
    const report = await buildahBackend.diagnose({
      run: hang,
      which: () => BUILDAH,
      env: {},
      timeoutMs: 50,
    });
    expect(report).toMatchObject({
      healthy: false,
      reason: "the buildah health check did not finish within 50 ms",
    });
  });
});

describe("buildah health fingerprint", () => {
  it("is the binary's identity, unknown without a binary", async () => {
    const at = (path: string | undefined) => healthContext({ env: {}, which: () => path });
    const fingerprint = await buildahFingerprint(at(process.execPath));
    expect(fingerprint).toMatch(new RegExp(`^${process.execPath}@\\d+:`));
    expect(await buildahFingerprint(at(undefined))).toBeUndefined();
  });
});
