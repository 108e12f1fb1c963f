import type { CommandRunner, HealthContext, RunResult } from "@bento/container-core";
import { describe, expect, it } from "vitest";
import { buildctlBackend } from "./index.js";

const ok: RunResult = { stdout: "", stderr: "", failed: false, timedOut: false, exitCode: 0 };
const VERSION_OUTPUT =
  "buildctl github.com/moby/buildkit v0.12.5 bac3f2b673f3f9d33e79046008e7a38e856b3dc6";
const answering =
  (answer: Partial<RunResult>): CommandRunner =>
  async () => ({ ...ok, ...answer });
const onPath =
  (...binaries: string[]) =>
  (binary: string) =>
    binaries.includes(binary) ? `/usr/local/bin/${binary}` : undefined;

const diagnose = (context: Partial<HealthContext>) =>
  buildctlBackend.diagnose({
    run: answering({ stdout: VERSION_OUTPUT }),
    which: onPath("buildctl", "buildkitd"),
    platform: "linux",
    env: {},
    timeoutMs: 1_000,
    ...context,
  });

describe("buildctl health", () => {
  it("is healthy with buildctl answering and buildkitd on PATH", async () => {
    expect(await diagnose({})).toEqual({
      backend: "buildctl",
      healthy: true,
      binary: "/usr/local/bin/buildctl",
      version: "0.12.5",
    });
  });

  it("accepts BUILDKIT_HOST instead of buildkitd", async () => {
    const report = await diagnose({
      which: onPath("buildctl"),
      env: { BUILDKIT_HOST: "unix:///run/buildkit/buildkitd.sock" },
    });
    expect(report.healthy).toBe(true);
  });

  it("is unhealthy without buildkitd or BUILDKIT_HOST", async () => {
    const report = await diagnose({ which: onPath("buildctl") });
    expect(report).toMatchObject({ healthy: false, version: "0.12.5" });
    expect(report.hint).toMatch(/start buildkitd, or set BUILDKIT_HOST/);
  });

  it("is unhealthy on Windows, missing, or misbehaving", async () => {
    expect((await diagnose({ platform: "win32" })).reason).toMatch(/cannot build on Windows/);
    expect((await diagnose({ which: onPath("buildkitd") })).reason).toBe(
      "`buildctl` is not on PATH",
    );
    const failing = await diagnose({ run: answering({ failed: true, signal: "SIGSEGV" }) });
    expect(failing.reason).toBe(
      "`/usr/local/bin/buildctl --version` was killed by SIGSEGV and printed nothing",
    );
  });

  it("never hangs, even when buildctl does", async () => {
    const report = await diagnose({ run: () => new Promise(() => {}), timeoutMs: 50 });
    expect(report.reason).toBe("the buildctl health check did not finish within 50 ms");
  });
});
