import { chmod, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { exec, type RecordingStandIn, recordingStandIn, tempDir } from "@bento/test-support";
import { afterEach, describe, expect, it } from "vitest";
import { nerdctlBackend } from "./index.js";

// No nerdctl package here: a recording stand-in on PATH answers like nerdctl, so health runs
// the real commands and the real argv goes through a real exec, without a shell.

const ID = `sha256:${"4".repeat(64)}`;
const made: RecordingStandIn[] = [];
async function standIn(binary: string, options: Parameters<typeof recordingStandIn>[1] = {}) {
  const created = await recordingStandIn(binary, options);
  made.push(created);
  return created;
}
afterEach(async () => {
  await Promise.all(made.splice(0).map((s) => s.cleanup()));
});

describe("nerdctl against a recording stand-in", () => {
  it("is healthy when nerdctl and buildkitd are on PATH", async () => {
    const nerdctl = await standIn("nerdctl", { versionOutput: "nerdctl version 1.7.6\n" });
    const buildkitd = await standIn("buildkitd");
    const report = await nerdctlBackend.diagnose({
      env: { PATH: `${nerdctl.dir}:${buildkitd.dir}` },
    });
    expect(report).toEqual({
      backend: "nerdctl",
      healthy: true,
      binary: nerdctl.path,
      version: "1.7.6",
    });
    expect(await nerdctl.calls()).toEqual([{ argv: ["--version"], env: {}, cwd: process.cwd() }]);
  });

  it("is unhealthy when buildkitd is missing", async () => {
    const nerdctl = await standIn("nerdctl", { versionOutput: "nerdctl version 1.7.6\n" });
    const report = await nerdctlBackend.diagnose({ env: { PATH: nerdctl.dir } });
    expect(report).toMatchObject({ healthy: false, binary: nerdctl.path, version: "1.7.6" });
    expect(report.reason).toMatch(/^buildkitd is not on PATH and BUILDKIT_HOST is not set/);
  });

  it("is unhealthy when nerdctl is missing", async () => {
    const buildkitd = await standIn("buildkitd");
    const report = await nerdctlBackend.diagnose({ env: { PATH: buildkitd.dir } });
    expect(report).toMatchObject({ healthy: false, reason: "`nerdctl` is not on PATH" });
  });

  it("is unhealthy when nerdctl prints no version", async () => {
    const nerdctl = await standIn("nerdctl", { versionOutput: "time=... level=fatal msg=oops\n" });
    const report = await nerdctlBackend.diagnose({
      env: { PATH: nerdctl.dir, BUILDKIT_HOST: "tcp://127.0.0.1:1" },
    });
    expect(report.reason).toBe(
      `\`${nerdctl.path} --version\` answered time=... level=fatal msg=oops, not a version`,
    );
  });

  it("receives the constructed argv unchanged and reports the image id", async () => {
    const nerdctl = await standIn("nerdctl", { flagFiles: { "--iidfile": `${ID}\n` } });
    const iidfile = join(nerdctl.dir, "iid");
    const args = nerdctlBackend.constructBuildArgs({
      contextPath: nerdctl.dir,
      tag: ["svc:1"],
      file: join(nerdctl.dir, "Containerfile"),
      buildArg: { GREETING: "hello world; $(rm -rf /)" },
      label: { "org.example/team": "ml" },
      iidfile,
      namespace: "bento",
    });
    const result = await exec([nerdctl.path, ...nerdctlBackend.buildCommand, ...args]);
    expect(result.exitCode).toBe(0);
    const [call] = await nerdctl.calls();
    expect(call?.argv).toEqual(["build", ...args]);
    expect(call?.argv.at(-1)).toBe(nerdctl.dir);
    expect(nerdctlBackend.imageId?.parse(await readFile(iidfile, "utf8"))).toBe(ID);
  });

  it("stops a nerdctl that hangs at the time box", async () => {
    const dir = await tempDir("bento-nerdctl-hang-");
    try {
      const path = join(dir.path, "nerdctl");
      await writeFile(path, `#!${process.execPath}\nsetTimeout(() => {}, 30_000);\n`);
      await chmod(path, 0o755);
      const started = Date.now();
      const report = await nerdctlBackend.diagnose({ env: { PATH: dir.path }, timeoutMs: 300 });
      expect(report).toMatchObject({ healthy: false, binary: path });
      expect(report.reason).toBe(`\`${path} --version\` did not answer within 300 ms`);
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      await dir.cleanup();
    }
  });
});
