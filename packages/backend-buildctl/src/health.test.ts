import type { CommandRunner, HealthContext, RunResult } from "@bento/container-core";
import { describe, expect, it } from "vitest";
import { daemonVersion } from "./health.js";
import { buildctlBackend } from "./index.js";

const ok: RunResult = { stdout: "", stderr: "", failed: false, timedOut: false, exitCode: 0 };
const CLIENT = "buildctl github.com/moby/buildkit v0.12.5 bac3f2b673f3f9d33e79046008e7a38e856b3dc6";
const DAEMON = '{"package":"github.com/moby/buildkit","version":"v0.13.2","revision":"x"}';
const REFUSED =
  'error: failed to call info: Unavailable: connection error: desc = "transport: Error while dialing: dial tcp 127.0.0.1:9: connect: connection refused"';

/** `--version` answers the client's version; `debug info` the daemon's, or `daemon` when given. */
const runner =
  (daemon: Partial<RunResult> = { stdout: DAEMON }, seen: string[][] = []): CommandRunner =>
  async (argv) => {
    seen.push([...argv]);
    return argv.includes("--version") ? { ...ok, stdout: CLIENT } : { ...ok, ...daemon };
  };
const onPath =
  (...binaries: string[]) =>
  (binary: string) =>
    binaries.includes(binary) ? `/usr/local/bin/${binary}` : undefined;

const diagnose = (context: Partial<HealthContext>) =>
  buildctlBackend.diagnose({
    run: runner(),
    which: onPath("buildctl", "buildkitd"),
    platform: "linux",
    env: {},
    timeoutMs: 1_000,
    ...context,
  });

describe("buildctl health", () => {
  it("reports the daemon's BuildKit as the version, buildctl's as the client's", async () => {
    expect(await diagnose({})).toEqual({
      backend: "buildctl",
      healthy: true,
      binary: "/usr/local/bin/buildctl",
      version: "0.13.2",
      clientVersion: "0.12.5",
      endpoint: "unix:///run/buildkit/buildkitd.sock",
    });
  });

  it("asks the daemon BUILDKIT_HOST names, with the TLS directory's flag", async () => {
    const seen: string[][] = [];
    const report = await diagnose({
      which: onPath("buildctl"),
      run: runner(undefined, seen),
      env: { BUILDKIT_HOST: "tcp://127.0.0.1:1234", BENTO_BUILDKIT_TLS_DIR: "/certs/bk" },
    });
    expect(report).toMatchObject({ healthy: true, endpoint: "tcp://127.0.0.1:1234" });
    expect(seen.at(-1)).toEqual([
      "/usr/local/bin/buildctl",
      ...["--tlsdir", "/certs/bk", "debug", "info", "--format", "{{json .BuildkitVersion}}"],
    ]);
  });

  it("names the endpoint and the setting when the daemon does not answer, never the certificates", async () => {
    const report = await diagnose({
      run: runner({ failed: true, exitCode: 1, stderr: `${REFUSED}\nopen /certs/bk/key.pem` }),
      env: { BUILDKIT_HOST: "tcp://127.0.0.1:9", BENTO_BUILDKIT_TLS_DIR: "/certs/bk" },
    });
    expect(report).toMatchObject({ healthy: false, endpoint: "tcp://127.0.0.1:9" });
    expect(report.version).toBeUndefined();
    expect(report.reason).toMatch(
      /^buildkitd at tcp:\/\/127\.0\.0\.1:9 \(BUILDKIT_HOST\) does not answer `buildctl debug info`: .*connection refused/s,
    );
    expect(report.hint).toMatch(/set BUILDKIT_HOST to one that runs\. .*BENTO_BUILDKIT_TLS_DIR/);
    expect(JSON.stringify(report)).not.toContain("/certs/bk");
  });

  it("says the default socket was tried when BUILDKIT_HOST is not set", async () => {
    const report = await diagnose({ run: runner({ failed: true, exitCode: 1, stderr: "no" }) });
    expect(report.reason).toMatch(
      /^buildkitd at unix:\/\/\/run\/buildkit\/buildkitd\.sock \(the default; BUILDKIT_HOST is not set\)/,
    );
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
    const failing = await diagnose({
      run: async () => ({ ...ok, failed: true, signal: "SIGSEGV" }),
    });
    expect(failing.reason).toBe(
      "`/usr/local/bin/buildctl --version` was killed by SIGSEGV and printed nothing",
    );
  });

  it("never hangs, even when buildctl does", async () => {
    const report = await diagnose({ run: () => new Promise(() => {}), timeoutMs: 50 });
    expect(report.reason).toBe("the buildctl health check did not finish within 50 ms");
  });
});

describe("daemonVersion", () => {
  it.each([
    [DAEMON, "0.13.2"],
    ['{"Version":"0.11.6"}', "0.11.6"],
    ["not json", undefined],
    ["{}", undefined],
  ])("%s gives %s", (stdout, version) => {
    expect(daemonVersion(stdout)).toBe(version);
  });
});
