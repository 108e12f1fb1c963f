import {
  type CommandRunner,
  type HealthContext,
  healthContext,
  type RunResult,
} from "@bento/container-core";
import { describe, expect, it } from "vitest";
import { parseMachineState, podmanFingerprint } from "./health.js";
import { podmanBackend } from "./index.js";

const PODMAN = "/usr/bin/podman";
const VERSION = `${PODMAN} --version`;
const MACHINE = `${PODMAN} machine info --format {{json .Host.MachineState}}`;
const ok: RunResult = { stdout: "", stderr: "", failed: false, timedOut: false, exitCode: 0 };

async function diagnose(
  answers: Record<string, Partial<RunResult>>,
  platform: NodeJS.Platform = "linux",
  env: Record<string, string> = {},
) {
  const ran: string[] = [];
  const run: CommandRunner = async (argv) => {
    ran.push(argv.join(" "));
    const answer = answers[argv.join(" ")];
    return answer
      ? { ...ok, ...answer }
      : { ...ok, failed: true, exitCode: 127, stderr: "unexpected" };
  };
  const report = await podmanBackend.diagnose({
    run,
    platform,
    env,
    which: () => PODMAN,
    timeoutMs: 1_000,
  });
  return { ...report, ran };
}

const SERVER = `${PODMAN} version --format {{json .Server.Version}}`;

describe("podman health", () => {
  it("with CONTAINER_HOST, asks that service and names it; its version is the server's", async () => {
    const host = "unix:///run/podman/podman.sock";
    const report = await diagnose(
      { [VERSION]: { stdout: "podman version 4.3.1" }, [SERVER]: { stdout: '"4.9.0"\n' } },
      "linux",
      { CONTAINER_HOST: host },
    );
    expect(report).toMatchObject({
      healthy: true,
      endpoint: host,
      version: "4.9.0",
      clientVersion: "4.3.1",
    });
  });

  it("with CONTAINER_HOST unreachable, names the setting and hides the SSH key's path", async () => {
    const key = "/home/me/.ssh/podman-key";
    const host = "ssh://core@127.0.0.1:9/run/podman/podman.sock";
    const report = await diagnose(
      {
        [VERSION]: { stdout: "podman version 4.3.1" },
        [SERVER]: { failed: true, exitCode: 125, stderr: `Error: failed to parse key ${key}` },
      },
      "linux",
      { CONTAINER_HOST: host, CONTAINER_SSHKEY: key },
    );
    expect(report).toMatchObject({ healthy: false, endpoint: host });
    expect(report.reason).toBe(
      `the podman service at ${host} (CONTAINER_HOST) does not answer \`podman version\`: Error: failed to parse key $CONTAINER_SSHKEY`,
    );
    expect(report.hint).toMatch(/set CONTAINER_HOST to one that runs/);
    expect(JSON.stringify(report)).not.toContain(key);
  });

  it("is healthy on Linux when podman answers its version", async () => {
    expect(await diagnose({ [VERSION]: { stdout: "podman version 4.3.1" } })).toEqual({
      backend: "podman",
      healthy: true,
      binary: PODMAN,
      version: "4.3.1",
      ran: [VERSION],
    });
  });

  it("reports a missing binary", async () => {
    const report = await podmanBackend.diagnose({ which: () => undefined, env: {} });
    expect(report).toEqual({
      backend: "podman",
      healthy: false,
      reason: "`podman` is not on PATH",
      hint: "Install podman (Debian: `apt-get install podman`) and put it on PATH.",
    });
  });

  it("reports a binary that fails or prints garbage", async () => {
    const failing = await diagnose({
      [VERSION]: { failed: true, exitCode: 125, stderr: "Error: cannot open storage" },
    });
    expect(failing).toMatchObject({
      healthy: false,
      reason: `\`${VERSION}\` exited with code 125: Error: cannot open storage`,
    });
    const garbage = await diagnose({ [VERSION]: { stdout: "hello" } });
    expect(garbage.reason).toBe(`\`${VERSION}\` answered hello, not a version`);
  });

  it.each(["darwin", "win32"] as const)(
    "on %s needs the podman machine running",
    async (platform) => {
      const running = await diagnose(
        { [VERSION]: { stdout: "podman version 5.2.0" }, [MACHINE]: { stdout: '"Running"' } },
        platform,
      );
      expect(running).toMatchObject({ healthy: true, version: "5.2.0", ran: [VERSION, MACHINE] });
      const stopped = await diagnose(
        { [VERSION]: { stdout: "podman version 5.2.0" }, [MACHINE]: { stdout: '"Stopped"' } },
        platform,
      );
      expect(stopped).toMatchObject({
        healthy: false,
        version: "5.2.0",
        reason: `\`${PODMAN} machine info --format '{{json .Host.MachineState}}'\` answered "Stopped": the podman machine is not running`,
        hint: "Start the podman machine: `podman machine start` (or `podman machine init` first).",
      });
    },
  );

  it("reports a machine check that fails", async () => {
    const report = await diagnose(
      {
        [VERSION]: { stdout: "podman version 5.2.0" },
        [MACHINE]: { failed: true, exitCode: 125, stderr: "Error: no machine" },
      },
      "darwin",
    );
    expect(report.reason).toMatch(/exited with code 125: Error: no machine$/);
  });

  it("never hangs, even when podman does", async () => {
    const hang: CommandRunner = () => new Promise(() => {});
    const report = await podmanBackend.diagnose({
      run: hang,
      which: () => PODMAN,
      env: {},
      timeoutMs: 50,
    });
    expect(report).toMatchObject({
      healthy: false,
      reason: "the podman health check did not finish within 50 ms",
    });
  });
});

describe("parseMachineState", () => {
  it.each([
    ['"Running"\n', "Running"],
    ['"stopped"', "stopped"],
    ["Running", undefined],
    ["", undefined],
    ["{}", undefined],
  ])("%j → %s", (stdout, expected) => {
    expect(parseMachineState(stdout)).toBe(expected);
  });
});

describe("podman health fingerprint", () => {
  const context = (over: Partial<HealthContext> = {}): HealthContext =>
    healthContext({ platform: "linux", env: {}, which: () => process.execPath, ...over });

  it("is the binary's identity for a local podman on Linux", async () => {
    const fingerprint = await podmanFingerprint(context());
    expect(fingerprint).toMatch(new RegExp(`^${process.execPath}@\\d+:`));
    expect(await podmanFingerprint(context())).toBe(fingerprint);
  });

  it("is unknown for a remote service, a podman machine or no binary", async () => {
    expect(await podmanFingerprint(context({ env: { CONTAINER_HOST: "unix:///x" } }))).toBe(
      undefined,
    );
    expect(await podmanFingerprint(context({ platform: "darwin" }))).toBeUndefined();
    expect(await podmanFingerprint(context({ which: () => undefined }))).toBeUndefined();
  });
});
