import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { exec } from "./exec.js";
import { parseStandInLog, type RecordingStandIn, recordingStandIn } from "./recording-stand-in.js";

const made: RecordingStandIn[] = [];
async function standIn(...args: Parameters<typeof recordingStandIn>): Promise<RecordingStandIn> {
  const result = await recordingStandIn(...args);
  made.push(result);
  return result;
}
afterEach(async () => {
  await Promise.all(made.splice(0).map((s) => s.cleanup()));
});

describe("recordingStandIn", () => {
  it("is found on PATH by name and records argv, chosen env and cwd per call", async () => {
    const nerdctl = await standIn("nerdctl", { stdout: "built\n" });
    const env = { PATH: nerdctl.pathEnv(), BUILDKIT_HOST: "unix:///run/bk.sock", OTHER: "no" };
    const first = await exec(["nerdctl", "build", "--tag", "a b", "."], { env, cwd: nerdctl.dir });
    await exec(["nerdctl", "images"], { env: { PATH: nerdctl.pathEnv() } });
    expect(first).toEqual({ exitCode: 0, stdout: "built\n", stderr: "" });
    expect(await nerdctl.calls()).toEqual([
      {
        argv: ["build", "--tag", "a b", "."],
        env: { BUILDKIT_HOST: "unix:///run/bk.sock" },
        cwd: nerdctl.dir,
      },
      { argv: ["images"], env: {}, cwd: process.cwd() },
    ]);
  });

  it("prints the canned version and exits 0 for version calls, exitCode otherwise", async () => {
    const buildctl = await standIn("buildctl", {
      versionOutput: "buildctl github.com/moby/buildkit v0.12.5\n",
      exitCode: 7,
      stderr: "boom\n",
    });
    expect(await exec([buildctl.path, "--version"])).toEqual({
      exitCode: 0,
      stdout: "buildctl github.com/moby/buildkit v0.12.5\n",
      stderr: "",
    });
    expect(await exec([buildctl.path, "build"])).toEqual({
      exitCode: 7,
      stdout: "",
      stderr: "boom\n",
    });
  });

  it("writes the files named by flagFiles flags, spaced or with =", async () => {
    const nerdctl = await standIn("nerdctl", {
      flagFiles: { "--iidfile": "sha256:abc", "--metadata-file": "{}" },
    });
    const iid = join(nerdctl.dir, "iid");
    const meta = join(nerdctl.dir, "meta.json");
    await exec([nerdctl.path, "build", "--iidfile", iid, `--metadata-file=${meta}`, "."]);
    expect(await readFile(iid, "utf8")).toBe("sha256:abc");
    expect(await readFile(meta, "utf8")).toBe("{}");
  });

  it("records only the env keys asked for", async () => {
    const tool = await standIn("tool", { envKeys: ["ONLY_THIS"] });
    await exec([tool.path], { env: { ONLY_THIS: "1", DOCKER_BUILDKIT: "1" } });
    expect((await tool.calls())[0]?.env).toEqual({ ONLY_THIS: "1" });
  });
});

describe("parseStandInLog", () => {
  it("reads one call per line, skipping blank lines", () => {
    const log = '{"argv":["a"],"env":{},"cwd":"/"}\n\n{"argv":[],"env":{"X":"1"},"cwd":"/w"}\n';
    expect(parseStandInLog(log)).toEqual([
      { argv: ["a"], env: {}, cwd: "/" },
      { argv: [], env: { X: "1" }, cwd: "/w" },
    ]);
  });
});
