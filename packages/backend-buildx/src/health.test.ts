import type { CommandRunner, RunResult } from "@bento/container-core";
import { describe, expect, it } from "vitest";
import { parseBuildxVersion } from "./health.js";
import { buildxBackend } from "./index.js";

const DOCKER = "/usr/bin/docker";
const SERVER = `${DOCKER} version --format {{json .Server.Version}} {{json .Client.Version}}`;
const HELP = `${DOCKER} buildx --help`;
const VERSION = `${DOCKER} buildx version`;
const INSPECT = `${DOCKER} buildx inspect`;
const DOCKER_DRIVER = `Name:          default
Driver:        docker
Last Activity: 2026-11-30 10:52:51 +0000 UTC

Nodes:
Name:             default
Endpoint:         default
Status:           running
BuildKit version: v0.8+unknown
Platforms:        linux/amd64, linux/386
`;
const REMOTE_DRIVER = `Name:   farm
Driver: remote

Nodes:
Name:      farm0
Endpoint:  tcp://127.0.0.1:1234
Status:    running
BuildKit version: v0.13.2
`;
const ok: RunResult = { stdout: "", stderr: "", failed: false, timedOut: false, exitCode: 0 };
const HEALTHY: Record<string, Partial<RunResult>> = {
  [SERVER]: { stdout: '"20.10.24+dfsg1"' },
  [HELP]: {
    stdout:
      "Usage:  docker buildx [OPTIONS] COMMAND\n      --builder string   Override the configured builder",
  },
  [VERSION]: { stdout: "github.com/docker/buildx 0.13.1+ds1 0.13.1+ds1-3" },
  [INSPECT]: { stdout: DOCKER_DRIVER },
};

function diagnose(
  answers: Record<string, Partial<RunResult>>,
  purpose?: "build",
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
  const report = buildxBackend.diagnose({
    run,
    env,
    which: () => DOCKER,
    timeoutMs: 1_000,
    purpose,
  });
  return report.then((r) => ({ ...r, ran }));
}

describe("buildx health", () => {
  it("is healthy with docker healthy and the plugin present; the version is the builder's BuildKit", async () => {
    const env = { DOCKER_HOST: "tcp://127.0.0.1:2376" };
    expect(await diagnose(HEALTHY, undefined, env)).toEqual({
      backend: "buildx",
      healthy: true,
      binary: DOCKER,
      version: "0.8+unknown",
      clientVersion: "0.13.1+ds1",
      builder: "default (docker driver)",
      // The docker driver's endpoint is the docker daemon's address.
      endpoint: "tcp://127.0.0.1:2376",
      withheld: {
        attestations: expect.stringMatching(
          /uses the docker driver, which cannot export attestations/,
        ),
      },
      ran: [SERVER, HELP, VERSION, INSPECT],
    });
  });

  it("withholds nothing on a remote builder, and reports its endpoint", async () => {
    const report = await diagnose({ ...HEALTHY, [INSPECT]: { stdout: REMOTE_DRIVER } });
    expect(report).toMatchObject({
      healthy: true,
      version: "0.13.2",
      builder: "farm (remote driver)",
      endpoint: "tcp://127.0.0.1:1234",
    });
    expect(report.withheld).toBeUndefined();
  });

  it("names BUILDX_BUILDER when the builder it names does not answer", async () => {
    const report = await diagnose(
      {
        ...HEALTHY,
        [INSPECT]: { failed: true, exitCode: 1, stderr: 'ERROR: no builder "gone" found' },
      },
      undefined,
      { BUILDX_BUILDER: "gone" },
    );
    expect(report).toMatchObject({ healthy: false, clientVersion: "0.13.1+ds1" });
    expect(report.reason).toMatch(
      /^builder gone \(BUILDX_BUILDER\) does not answer: .*no builder "gone" found/,
    );
    expect(report.hint).toMatch(/Set BUILDX_BUILDER to a builder/);
  });

  it("leaves the help out before a build; a missing plugin still fails `buildx version`", async () => {
    expect(await diagnose(HEALTHY, "build")).toMatchObject({
      healthy: true,
      version: "0.8+unknown",
      ran: [SERVER, VERSION, INSPECT],
    });
    const missing = await diagnose(
      {
        ...HEALTHY,
        [VERSION]: {
          failed: true,
          exitCode: 1,
          stderr: "docker: 'buildx' is not a docker command.",
        },
      },
      "build",
    );
    expect(missing).toMatchObject({ healthy: false, hint: expect.stringMatching(/buildx plugin/) });
    expect(missing.reason).toContain("'buildx' is not a docker command");
  });

  it("starts the buildx probes without waiting for the server's answer", async () => {
    let pluginStarted = () => {};
    const started = new Promise<void>((resolve) => {
      pluginStarted = resolve;
    });
    const run: CommandRunner = async (argv) => {
      if (argv[1] === "version") await started;
      else pluginStarted();
      return { ...ok, ...HEALTHY[argv.join(" ")] };
    };
    const report = await buildxBackend.diagnose({
      run,
      env: {},
      which: () => DOCKER,
      timeoutMs: 1_000,
    });
    expect(report).toMatchObject({ healthy: true, clientVersion: "0.13.1+ds1" });
  });

  it("is unhealthy without docker", async () => {
    const report = await buildxBackend.diagnose({ which: () => undefined, env: {} });
    expect(report).toMatchObject({ healthy: false, reason: "`docker` is not on PATH" });
  });

  it("is unhealthy when the daemon does not answer", async () => {
    const report = await diagnose(
      {
        ...HEALTHY,
        [SERVER]: { failed: true, exitCode: 1, stderr: "Cannot connect to the Docker daemon" },
      },
      undefined,
      { DOCKER_HOST: "tcp://127.0.0.1:9" },
    );
    expect(report).toMatchObject({ healthy: false, endpoint: "tcp://127.0.0.1:9" });
    expect(report.reason).toBe(
      "the docker daemon at tcp://127.0.0.1:9 (DOCKER_HOST) does not answer `docker version`: Cannot connect to the Docker daemon",
    );
    expect(report.hint).toMatch(/set DOCKER_HOST to one that runs/);
    // The probes run at once; the server's failure is the one reported.
    expect(report.ran).toEqual([SERVER, HELP, VERSION, INSPECT]);
  });

  it("is unhealthy with a docker server older than 18.09", async () => {
    const report = await diagnose({ ...HEALTHY, [SERVER]: { stdout: '"17.12.1-ce"' } });
    expect(report.reason).toBe("the docker server is 17.12.1-ce; buildx needs 18.09 or newer");
  });

  it("is unhealthy when docker has no buildx command", async () => {
    const missing = await diagnose({
      ...HEALTHY,
      [HELP]: { failed: true, exitCode: 1, stderr: "docker: unknown command: docker buildx" },
    });
    expect(missing.reason).toBe(
      `\`${DOCKER} buildx --help\` exited with code 1: docker: unknown command: docker buildx`,
    );
    expect(missing.hint).toMatch(/Install the buildx plugin/);
    const noBuilder = await diagnose({ ...HEALTHY, [HELP]: { stdout: "Usage: docker [OPTIONS]" } });
    expect(noBuilder.reason).toBe(
      `\`${DOCKER} buildx --help\` does not show --builder: the buildx plugin is missing`,
    );
  });

  it("stays healthy without a readable buildx or BuildKit version", async () => {
    const report = await diagnose({ ...HEALTHY, [VERSION]: { stdout: "buildx" } });
    expect(report).toMatchObject({ healthy: true, clientVersion: undefined });
    const inactive = await diagnose({
      ...HEALTHY,
      [INSPECT]: {
        stdout: "Name: idle\nDriver: docker-container\n\nNodes:\nName: idle0\nStatus: inactive\n",
      },
    });
    expect(inactive).toMatchObject({
      healthy: true,
      version: undefined,
      builder: "idle (docker-container driver)",
    });
  });
});

describe("parseBuildxVersion", () => {
  it.each([
    ["github.com/docker/buildx 0.13.1+ds1 0.13.1+ds1-3", "0.13.1+ds1"],
    ["github.com/docker/buildx v0.17.1 257815a", "0.17.1"],
    ["github.com/docker/buildx", undefined],
    ["", undefined],
  ])("%j → %s", (stdout, expected) => {
    expect(parseBuildxVersion(stdout)).toBe(expected);
  });
});
