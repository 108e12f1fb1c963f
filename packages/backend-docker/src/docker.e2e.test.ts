import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { backendEnv, which } from "@bento/container-core";
import {
  baseImage,
  checkFlagsAgainstHelp,
  describeFailure,
  exec,
  flagsMissingFromTable,
  helpFlags,
  isCi,
  removeImages,
  requireEngine,
  tempDir,
} from "@bento/test-support";
import { describe, expect, it } from "vitest";
import { everyDockerOption } from "../test/every-option.js";
import { dockerBackend } from "./index.js";

// Real docker: its health against the running daemon and an unreachable one, and every flag
// our options can produce against `docker build --help` (buildx's, with BuildKit on).

const usable = await requireEngine("docker");
// The direct `docker buildx build` needs the buildx plugin, which the buildx suite probes.
const forwards = usable && (await requireEngine("buildx"));
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
    // Both ways: every flag the help lists has an option (FLAGS_SET_BY_BUILD aside), for the
    // BuildKit help (buildx's flags) and for the legacy builder's (DOCKER_BUILDKIT=0).
    expect(flagsMissingFromTable(check.listed, dockerBackend.options)).toEqual([]);
    const legacy = await exec([...command, "--help"], { env: { ...env, DOCKER_BUILDKIT: "0" } });
    expect(legacy.exitCode, legacy.stderr).toBe(0);
    expect(helpFlags(legacy.stdout)).toContain("memory");
    expect(flagsMissingFromTable(helpFlags(legacy.stdout), dockerBackend.options)).toEqual([]);
    if (check.hidden.length)
      console.info(`docker build accepts these hidden flags: ${check.hidden.join(", ")}`);
  });
});

describe.skipIf(!forwards)("docker build handed to buildx directly", () => {
  it("builds through `docker buildx build --builder default` the very image `docker build` gives", async () => {
    const env = backendEnv(dockerBackend);
    const report = await dockerBackend.diagnose();
    const command = dockerBackend.buildCommandFor?.({ env, report, args: [] });
    expect(command).toEqual(["buildx", "build", "--builder", "default"]);
    const dir = await tempDir("bento-docker-direct-");
    const tags = [`bento-test-direct:${process.pid}`, `bento-test-forwarded:${process.pid}`];
    try {
      const context = join(dir.path, "context");
      await mkdir(context);
      const label = `org.bento-container.test=${process.pid}`;
      await writeFile(
        join(context, "Dockerfile"),
        `FROM ${baseImage()}\nRUN echo built > /built.txt\nLABEL ${label}\n`,
      );
      const build = async (argv: string[], tag: string) => {
        const iid = join(dir.path, `${tag.replace(/\W/g, "-")}.iid`);
        const result = await exec([...argv, "--tag", tag, "--iidfile", iid, context], { env });
        expect(result.exitCode, describeFailure(argv, result)).toBe(0);
        return (await readFile(iid, "utf8")).trim();
      };
      const direct = await build(["docker", ...(command ?? [])], tags[0]!);
      const forwarded = await build(["docker", "build"], tags[1]!);
      expect(direct).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(direct).toBe(forwarded);
      const inspect = await exec(["docker", "image", "inspect", "--format", "{{.Id}}", tags[0]!]);
      expect(inspect.stdout.trim()).toBe(direct);
    } finally {
      await removeImages("docker", ...tags);
      await dir.cleanup();
    }
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
      expect(report.reason).toContain(
        `the docker daemon at unix://${socket} (DOCKER_HOST) does not answer \`docker version\``,
      );
      expect(report.reason).toContain("Cannot connect to the Docker daemon");
      expect(report.hint).toMatch(/Start the Docker daemon/);
    } finally {
      await dir.cleanup();
    }
  });
});
