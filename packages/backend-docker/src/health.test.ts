import type { CommandRunner, RunOptions, RunResult } from "@bento/container-core";
import { describe, expect, it } from "vitest";
import { dockerBackend } from "./index.js";

const DOCKER = "/usr/bin/docker";
const VERSION = `${DOCKER} version --format {{json .Server.Version}} {{json .Client.Version}}`;
const HELP = `${DOCKER} build --help`;
const ok: RunResult = { stdout: "", stderr: "", failed: false, timedOut: false, exitCode: 0 };

/** A runner answering by command line, recording what it ran and with which env. */
function runner(answers: Record<string, Partial<RunResult>>) {
  const calls: { argv: string; options?: RunOptions }[] = [];
  const run: CommandRunner = async (argv, options) => {
    calls.push({ argv: argv.join(" "), options });
    const answer = answers[argv.join(" ")];
    return answer
      ? { ...ok, ...answer }
      : { ...ok, failed: true, exitCode: 127, stderr: "unexpected" };
  };
  return { run, calls };
}

const diagnose = (run: CommandRunner, env: Record<string, string> = {}) =>
  dockerBackend.diagnose({
    run,
    env,
    which: (b) => (b === "docker" ? DOCKER : undefined),
    timeoutMs: 1_000,
  });

describe("docker health", () => {
  it("is healthy with a BuildKit server and a CLI that can build", async () => {
    const { run, calls } = runner({
      [VERSION]: { stdout: '"20.10.24+dfsg1" "28.2.2"' },
      [HELP]: { stdout: "Usage" },
    });
    const env = { PATH: "/usr/bin", DOCKER_HOST: "tcp://127.0.0.1:2376" };
    expect(await diagnose(run, env)).toEqual({
      backend: "docker",
      healthy: true,
      binary: DOCKER,
      version: "20.10.24+dfsg1",
      clientVersion: "28.2.2",
      endpoint: "tcp://127.0.0.1:2376",
    });
    expect(calls.map((c) => c.argv)).toEqual([VERSION, HELP]);
    expect(calls[0]?.options).toEqual({
      env: { DOCKER_BUILDKIT: "1", DOCKER_SCAN_SUGGEST: "false", ...env },
      timeoutMs: 1_000,
    });
  });

  it("starts `docker build --help` without waiting for `docker version`", async () => {
    let helpStarted = () => {};
    const started = new Promise<void>((resolve) => {
      helpStarted = resolve;
    });
    const run: CommandRunner = async (argv) => {
      if (argv[1] === "version") {
        await started;
        return { ...ok, stdout: '"20.10.24+dfsg1"' };
      }
      helpStarted();
      return { ...ok, stdout: "Usage" };
    };
    expect(await diagnose(run)).toMatchObject({ healthy: true, version: "20.10.24+dfsg1" });
  });

  it("reports a missing binary with an install hint", async () => {
    const report = await dockerBackend.diagnose({ which: () => undefined, env: {} });
    expect(report).toMatchObject({ healthy: false, reason: "`docker` is not on PATH" });
    expect(report.hint).toMatch(/Install Docker Engine/);
  });

  it("reports a daemon that does not answer, quoting the command and its error", async () => {
    const { run } = runner({
      [VERSION]: {
        failed: true,
        exitCode: 1,
        stderr: "Cannot connect to the Docker daemon at unix:///nope.sock.",
      },
    });
    const report = await diagnose(run, { DOCKER_HOST: "unix:///nope.sock" });
    expect(report).toMatchObject({
      healthy: false,
      binary: DOCKER,
      endpoint: "unix:///nope.sock",
      reason:
        "the docker daemon at unix:///nope.sock (DOCKER_HOST) does not answer `docker version`: Cannot connect to the Docker daemon at unix:///nope.sock.",
    });
    expect(report.hint).toMatch(
      /Start the Docker daemon at unix:\/\/\/nope.sock or set DOCKER_HOST/,
    );
  });

  it("names the TLS settings for a TCP daemon, never the certificates' directory", async () => {
    const certs = "/home/me/.secret-certs";
    const { run } = runner({
      [VERSION]: {
        failed: true,
        exitCode: 1,
        stderr: `could not read CA certificate "${certs}/ca.pem": open ${certs}/ca.pem: no such file`,
      },
    });
    const env = {
      DOCKER_HOST: "tcp://127.0.0.1:9",
      DOCKER_TLS_VERIFY: "1",
      DOCKER_CERT_PATH: certs,
    };
    const report = await diagnose(run, env);
    expect(report).toMatchObject({ healthy: false, endpoint: "tcp://127.0.0.1:9" });
    expect(JSON.stringify(report)).not.toContain(certs);
    expect(report.reason).toContain("$DOCKER_CERT_PATH/ca.pem");
    expect(report.hint).toMatch(/DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH/);
  });

  it("reports garbage instead of a version", async () => {
    const { run } = runner({ [VERSION]: { stdout: "<html>proxy error</html>" } });
    expect((await diagnose(run)).reason).toBe(
      `\`${DOCKER} version --format '{{json .Server.Version}} {{json .Client.Version}}'\` answered <html>proxy error</html>, not a server version`,
    );
  });

  it("needs 18.09 for BuildKit, unless BuildKit is turned off", async () => {
    const { run } = runner({ [VERSION]: { stdout: '"18.06.3-ce"' }, [HELP]: {} });
    expect(await diagnose(run)).toMatchObject({
      healthy: false,
      version: "18.06.3-ce",
      reason: "the docker server is 18.06.3-ce; BuildKit needs 18.09 or newer",
    });
    expect(await diagnose(run, { DOCKER_BUILDKIT: "0" })).toMatchObject({ healthy: true });
  });

  it("reports a CLI that cannot start a BuildKit build (no buildx plugin)", async () => {
    const { run } = runner({
      [VERSION]: { stdout: '"28.2.2"' },
      [HELP]: {
        failed: true,
        exitCode: 1,
        stderr: "ERROR: BuildKit is enabled but the buildx component is missing or broken.",
      },
    });
    const report = await diagnose(run);
    expect(report).toMatchObject({ healthy: false, version: "28.2.2" });
    expect(report.reason).toContain("BuildKit is enabled but the buildx component is missing");
    expect(report.hint).toMatch(/buildx plugin/);
  });

  it("asks only the server before a build, leaving the plugin check to the failure path", async () => {
    const { run, calls } = runner({ [VERSION]: { stdout: '"28.2.2"' } });
    const report = await dockerBackend.diagnose({
      run,
      env: {},
      which: () => DOCKER,
      timeoutMs: 1_000,
      purpose: "build",
    });
    expect(report).toMatchObject({ healthy: true, version: "28.2.2" });
    expect(calls.map((c) => c.argv)).toEqual([VERSION]);
  });
  it("reports a command that timed out", async () => {
    const { run } = runner({ [VERSION]: { failed: true, timedOut: true, signal: "SIGTERM" } });
    expect((await diagnose(run)).reason).toMatch(/did not answer within 1000 ms$/);
  });

  it("never hangs, even when the runner does", async () => {
    const hang: CommandRunner = () => new Promise(() => {});
    const started = Date.now();
    const report = await dockerBackend.diagnose({
      run: hang,
      which: () => DOCKER,
      env: {},
      timeoutMs: 50,
    });
    expect(report).toMatchObject({
      healthy: false,
      reason: "the docker health check did not finish within 50 ms",
    });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("never throws, even when the runner does", async () => {
    const run: CommandRunner = async () => {
      throw new Error("spawn exploded");
    };
    expect((await diagnose(run)).reason).toContain("could not start (spawn exploded)");
  });
});
