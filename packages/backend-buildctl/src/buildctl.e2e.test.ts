import { readFile } from "node:fs/promises";
import { delimiter, join } from "node:path";
import { exec, type RecordingStandIn, recordingStandIn } from "@bento/test-support";
import { afterEach, describe, expect, it } from "vitest";
import { buildctlBackend } from "./index.js";

// No BuildKit package here: recording stand-ins for buildctl, buildkitd and docker on PATH, so
// health runs real commands and the real argv (and the load command) go through a real exec.

const CONFIG = `sha256:${"5".repeat(64)}`;
const VERSION =
  "buildctl github.com/moby/buildkit v0.12.5 bac3f2b673f3f9d33e79046008e7a38e856b3dc6\n";
const made: RecordingStandIn[] = [];
async function standIn(binary: string, options: Parameters<typeof recordingStandIn>[1] = {}) {
  const created = await recordingStandIn(binary, options);
  made.push(created);
  return created;
}
afterEach(async () => {
  await Promise.all(made.splice(0).map((s) => s.cleanup()));
});
const pathOf = (...standIns: RecordingStandIn[]) => standIns.map((s) => s.dir).join(delimiter);

describe("buildctl against a recording stand-in", () => {
  it("is healthy when buildctl and buildkitd are on PATH", async () => {
    const buildctl = await standIn("buildctl", { versionOutput: VERSION });
    const buildkitd = await standIn("buildkitd");
    const report = await buildctlBackend.diagnose({ env: { PATH: pathOf(buildctl, buildkitd) } });
    expect(report).toEqual({
      backend: "buildctl",
      healthy: true,
      binary: buildctl.path,
      version: "0.12.5",
    });
  });

  it("is unhealthy when buildkitd is missing, healthy again with BUILDKIT_HOST", async () => {
    const buildctl = await standIn("buildctl", { versionOutput: VERSION });
    const missing = await buildctlBackend.diagnose({ env: { PATH: buildctl.dir } });
    expect(missing).toMatchObject({ healthy: false, binary: buildctl.path, version: "0.12.5" });
    expect(missing.reason).toMatch(/^buildkitd is not on PATH and BUILDKIT_HOST is not set/);
    const remote = await buildctlBackend.diagnose({
      env: { PATH: buildctl.dir, BUILDKIT_HOST: "tcp://127.0.0.1:1234" },
    });
    expect(remote.healthy).toBe(true);
  });

  it("is unhealthy when buildctl is missing", async () => {
    const buildkitd = await standIn("buildkitd");
    const report = await buildctlBackend.diagnose({ env: { PATH: buildkitd.dir } });
    expect(report).toMatchObject({ healthy: false, reason: "`buildctl` is not on PATH" });
  });

  it("builds with the constructed argv, loads through docker, and reads the image id", async () => {
    const buildctl = await standIn("buildctl", {
      stdout: "TARBALL",
      flagFiles: { "--metadata-file": JSON.stringify({ "containerimage.config.digest": CONFIG }) },
    });
    const docker = await standIn("docker", { stdout: "Loaded image: docker.io/library/svc:1\n" });
    const env = { PATH: pathOf(buildctl, docker) };
    const invocation = {
      contextPath: buildctl.dir,
      file: join(docker.dir, "svc.dockerfile"),
      tag: ["svc:1"],
      which: (binary: string) => (binary === "docker" ? docker.path : undefined),
      metadataFile: join(buildctl.dir, "metadata.json"),
      buildArg: { GREETING: "hello world" },
    };
    const args = buildctlBackend.constructBuildArgs(invocation);
    const built = await exec([buildctlBackend.binary, ...buildctlBackend.buildCommand, ...args], {
      env,
    });
    expect(built).toMatchObject({ exitCode: 0, stdout: "TARBALL" });
    expect((await buildctl.calls())[0]?.argv).toEqual([
      ...["build", "--frontend", "dockerfile.v0", "--local", `context=${buildctl.dir}`],
      ...["--local", `dockerfile=${docker.dir}`, "--output", "type=docker,name=docker.io/svc:1"],
      ...["--metadata-file", join(buildctl.dir, "metadata.json")],
      ...["--opt", "filename=svc.dockerfile", "--opt", "build-arg:GREETING=hello world"],
    ]);
    const load = buildctlBackend.loadCommand?.(invocation);
    expect(load).toEqual(["docker", "load"]);
    expect(await exec([...(load ?? [])], { env })).toMatchObject({ exitCode: 0 });
    expect((await docker.calls())[0]?.argv).toEqual(["load"]);
    const metadata = await readFile(invocation.metadataFile, "utf8");
    expect(buildctlBackend.imageId?.parse(metadata)).toBe(CONFIG);
  });
});
