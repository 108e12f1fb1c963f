import { describe, expect, it } from "vitest";
import type { RunResult } from "../process/runner.js";
import type { HealthContext } from "./contract.js";
import { healthContext } from "./define.js";
import {
  binaryVersionReport,
  buildkitClientReport,
  findVersion,
  outputTail,
  probe,
  probeFailure,
} from "./health-probe.js";

const ok: RunResult = { stdout: "", stderr: "", failed: false, timedOut: false, exitCode: 0 };

describe("probeFailure", () => {
  const argv = ["docker", "version", "--format", "{{json .Server.Version}}"];
  it.each([
    [{ ...ok }, undefined],
    [
      { ...ok, failed: true, exitCode: 1, stderr: "Cannot connect to the Docker daemon" },
      "`docker version --format '{{json .Server.Version}}'` exited with code 1: Cannot connect to the Docker daemon",
    ],
    [
      { ...ok, failed: true, exitCode: 2 },
      "`docker version --format '{{json .Server.Version}}'` exited with code 2 and printed nothing",
    ],
    [
      { ...ok, failed: true, timedOut: true, signal: "SIGTERM" },
      "`docker version --format '{{json .Server.Version}}'` did not answer within 500 ms",
    ],
    [
      { ...ok, failed: true, spawnError: "ENOENT" },
      "`docker version --format '{{json .Server.Version}}'` could not start (ENOENT)",
    ],
    [
      { ...ok, failed: true, signal: "SIGKILL", stdout: "partial" },
      "`docker version --format '{{json .Server.Version}}'` was killed by SIGKILL: partial",
    ],
  ])("%o → %s", (result, expected) => {
    expect(probeFailure(argv, result, 500)).toBe(expected);
  });
});

describe("outputTail", () => {
  it("keeps the last lines of stderr, else stdout", () => {
    expect(outputTail({ stdout: "out", stderr: "1\n2\n3\n4\n5\n6\n" })).toBe("2\n3\n4\n5\n6");
    expect(outputTail({ stdout: " out \n", stderr: "  " })).toBe("out");
  });
});

describe("findVersion", () => {
  it.each([
    ["buildah version 1.28.2 (image-spec 1.1.0-rc2, runtime-spec 1.0.2-dev)", "1.28.2"],
    ["podman version 4.3.1", "4.3.1"],
    ["github.com/docker/buildx 0.13.1+ds1 0.13.1+ds1-3", "0.13.1+ds1"],
    ["buildctl github.com/moby/buildkit v0.12.5 bac3f2b673f3", "0.12.5"],
    ['"20.10.24+dfsg1"', "20.10.24+dfsg1"],
    ["nerdctl version 2.0", "2.0"],
    ["no digits here", undefined],
  ])("%s → %s", (text, expected) => {
    expect(findVersion(text)).toBe(expected);
  });
});

describe("probe", () => {
  const context = (run: HealthContext["run"]) =>
    healthContext({ run, env: { A: "1" }, timeoutMs: 42 });

  it("passes the context's env and time box to the runner", async () => {
    const seen: unknown[] = [];
    await probe(
      context(async (argv, options) => {
        seen.push(argv, options);
        return ok;
      }),
      ["x", "--version"],
    );
    expect(seen).toEqual([["x", "--version"], { env: { A: "1" }, timeoutMs: 42 }]);
  });

  it("turns a throwing runner into a failed result", async () => {
    const result = await probe(
      context(async () => {
        throw new Error("boom");
      }),
      ["x"],
    );
    expect(result).toMatchObject({ failed: true, spawnError: "boom" });
  });
});

describe("binaryVersionReport", () => {
  const check = { backend: "tool", binary: "tool", hint: "install tool" };
  const at = (run: HealthContext["run"]) =>
    healthContext({ run, which: (name) => `/bin/${name}`, env: {}, timeoutMs: 100 });

  it("is healthy with the version the binary prints", async () => {
    const context = at(async () => ({ ...ok, stdout: "tool version 1.2.3 (build x)" }));
    expect(await binaryVersionReport(context, check)).toEqual({
      backend: "tool",
      healthy: true,
      binary: "/bin/tool",
      version: "1.2.3",
    });
  });

  it("names a missing binary", async () => {
    const context = healthContext({ which: () => undefined, env: {} });
    expect(await binaryVersionReport(context, check)).toEqual({
      backend: "tool",
      healthy: false,
      reason: "`tool` is not on PATH",
      hint: "install tool",
    });
  });

  it("quotes garbage output and failed commands", async () => {
    const garbage = at(async () => ({ ...ok, stdout: "¯\\_(ツ)_/¯" }));
    expect((await binaryVersionReport(garbage, check)).reason).toBe(
      "`/bin/tool --version` answered ¯\\_(ツ)_/¯, not a version",
    );
    const failing = at(async () => ({ ...ok, failed: true, exitCode: 3, stderr: "bad" }));
    expect(
      await binaryVersionReport(failing, { ...check, versionArgs: ["version"] }),
    ).toMatchObject({
      healthy: false,
      binary: "/bin/tool",
      reason: "`/bin/tool version` exited with code 3: bad",
    });
  });
});

describe("buildkitClientReport", () => {
  const check = { backend: "kit", binary: "kit", hint: "install kit" };
  const at = (platform: NodeJS.Platform, onPath: string[], env: Record<string, string> = {}) =>
    healthContext({
      run: async () => ({ ...ok, stdout: "kit v0.12.5" }),
      which: (name) => (onPath.includes(name) ? `/bin/${name}` : undefined),
      platform,
      env,
    });

  it("needs buildkitd on PATH or BUILDKIT_HOST", async () => {
    expect(await buildkitClientReport(at("linux", ["kit", "buildkitd"]), check)).toEqual({
      backend: "kit",
      healthy: true,
      binary: "/bin/kit",
      version: "0.12.5",
    });
    const remote = at("linux", ["kit"], { BUILDKIT_HOST: "tcp://127.0.0.1:1234" });
    expect((await buildkitClientReport(remote, check)).healthy).toBe(true);
    expect(await buildkitClientReport(at("linux", ["kit"]), check)).toMatchObject({
      healthy: false,
      version: "0.12.5",
      reason:
        "buildkitd is not on PATH and BUILDKIT_HOST is not set: kit has no BuildKit to build with",
    });
  });

  it("refuses Windows and reports a missing binary first", async () => {
    expect((await buildkitClientReport(at("win32", ["kit"]), check)).reason).toBe(
      "kit cannot build on Windows: buildkitd does not run there",
    );
    expect((await buildkitClientReport(at("linux", ["buildkitd"]), check)).reason).toBe(
      "`kit` is not on PATH",
    );
  });
});
