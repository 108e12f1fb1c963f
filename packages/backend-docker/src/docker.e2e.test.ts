import { backendEnv, which } from "@bento/container-core";
import { checkFlagsAgainstHelp, isCi, requireEngine, tempDir } from "@bento/test-support";
import { describe, expect, it } from "vitest";
import { everyDockerOption } from "../test/every-option.js";
import { dockerBackend } from "./index.js";

// Real docker: its health against the running daemon and an unreachable one, and every flag
// our options can produce against `docker build --help` (buildx's, with BuildKit on).

const usable = await requireEngine("docker");
const hasBinary = which("docker") !== undefined || isCi(process.env);
if (!hasBinary) console.warn("Skipping docker daemon-down test: docker is not on PATH");

describe.skipIf(!usable)("docker against the real engine", () => {
  it("is healthy, with the server version and the binary's path", async () => {
    const report = await dockerBackend.diagnose();
    expect(report).toMatchObject({ backend: "docker", healthy: true, binary: which("docker") });
    expect(report.version).toMatch(/^\d+\.\d+/);
  });

  it("fingerprints the local daemon: stable between calls, different with a restarted daemon's socket", async () => {
    const first = await dockerBackend.healthFingerprint?.();
    expect(first).toContain("/var/run/docker.sock@");
    expect(await dockerBackend.healthFingerprint?.()).toBe(first);
    const elsewhere = await dockerBackend.healthFingerprint?.({
      env: { ...process.env, DOCKER_HOST: "tcp://127.0.0.1:2375" },
    });
    expect(elsewhere).toBeUndefined();
  });

  it("writes only flags that `docker build` knows", async () => {
    const argv = dockerBackend.constructBuildArgs({
      ...everyDockerOption,
      contextPath: ".",
      tag: ["bento-flags:1"],
      file: "Containerfile",
      warn: () => {},
    });
    const command = ["docker", ...dockerBackend.buildCommand];
    const env = backendEnv(dockerBackend);
    const check = await checkFlagsAgainstHelp(command, argv, env);
    expect(check.rejected).toEqual([]);
    expect(check.rejectsBogus).toBe(true);
    if (check.hidden.length)
      console.info(`docker build accepts these hidden flags: ${check.hidden.join(", ")}`);
  });
});

describe.skipIf(!hasBinary)("docker with no daemon to talk to", () => {
  it("is unhealthy, names the command and what docker said, and hints at the daemon", async () => {
    const dir = await tempDir("bento-docker-down-");
    try {
      const socket = `${dir.path}/no-daemon.sock`;
      const report = await dockerBackend.diagnose({
        env: { ...process.env, DOCKER_HOST: `unix://${socket}` },
      });
      expect(report).toMatchObject({ backend: "docker", healthy: false, binary: which("docker") });
      expect(report.reason).toContain("version --format '{{json .Server.Version}}'");
      expect(report.reason).toContain(socket);
      expect(report.hint).toMatch(/Start the Docker daemon/);
    } finally {
      await dir.cleanup();
    }
  });
});
