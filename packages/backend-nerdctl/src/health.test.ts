import type { CommandRunner, HealthContext, RunResult } from "@bento/container-core";
import { describe, expect, it } from "vitest";
import { nerdctlBackend } from "./index.js";

const ok: RunResult = { stdout: "", stderr: "", failed: false, timedOut: false, exitCode: 0 };
const answering =
  (answer: Partial<RunResult>): CommandRunner =>
  async () => ({ ...ok, ...answer });
const onPath =
  (...binaries: string[]) =>
  (binary: string) =>
    binaries.includes(binary) ? `/usr/local/bin/${binary}` : undefined;

const diagnose = (context: Partial<HealthContext>) =>
  nerdctlBackend.diagnose({
    run: answering({ stdout: "nerdctl version 1.7.6" }),
    which: onPath("nerdctl", "buildkitd"),
    platform: "linux",
    env: {},
    timeoutMs: 1_000,
    ...context,
  });

describe("nerdctl health", () => {
  it("is healthy with nerdctl answering and buildkitd on PATH", async () => {
    expect(await diagnose({})).toEqual({
      backend: "nerdctl",
      healthy: true,
      binary: "/usr/local/bin/nerdctl",
      version: "1.7.6",
    });
  });

  it("is healthy with BUILDKIT_HOST instead of buildkitd", async () => {
    const report = await diagnose({
      which: onPath("nerdctl"),
      env: { BUILDKIT_HOST: "tcp://127.0.0.1:1234" },
    });
    expect(report.healthy).toBe(true);
  });

  it("is unhealthy without buildkitd or BUILDKIT_HOST, keeping binary and version", async () => {
    expect(await diagnose({ which: onPath("nerdctl") })).toMatchObject({
      healthy: false,
      binary: "/usr/local/bin/nerdctl",
      version: "1.7.6",
      reason:
        "buildkitd is not on PATH and BUILDKIT_HOST is not set: nerdctl has no BuildKit to build with",
    });
  });

  it("is unhealthy on Windows", async () => {
    const report = await diagnose({ platform: "win32" });
    expect(report).toMatchObject({ healthy: false, reason: expect.stringMatching(/Windows/) });
  });

  it("reports a missing binary and a misbehaving one", async () => {
    expect(await diagnose({ which: onPath("buildkitd") })).toMatchObject({
      healthy: false,
      reason: "`nerdctl` is not on PATH",
    });
    const failing = await diagnose({
      run: answering({ failed: true, exitCode: 1, stderr: "level=fatal" }),
    });
    expect(failing.reason).toBe(
      "`/usr/local/bin/nerdctl --version` exited with code 1: level=fatal",
    );
  });

  it("never hangs, even when nerdctl does", async () => {
    const report = await diagnose({ run: () => new Promise(() => {}), timeoutMs: 50 });
    expect(report.reason).toBe("the nerdctl health check did not finish within 50 ms");
  });
});
