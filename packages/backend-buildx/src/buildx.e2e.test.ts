import { backendEnv, which } from "@bento/container-core";
import { exec, flagsMissingFromTable, helpFlags, requireEngine } from "@bento/test-support";
import { describe, expect, it } from "vitest";
import { everyBuildxOption } from "../test/every-option.js";
import { buildxBackend } from "./index.js";

// Real docker buildx: health (with buildx's own version) and every flag our options can
// produce against `docker buildx build --help`.

const usable = await requireEngine("buildx");

describe.skipIf(!usable)("buildx against the real engine", () => {
  it("is healthy, with buildx's version", async () => {
    const report = await buildxBackend.diagnose();
    expect(report).toMatchObject({ backend: "buildx", healthy: true, binary: which("docker") });
    expect(report.version).toMatch(/^\d+\.\d+/);
  });

  it("writes only flags that `docker buildx build` knows", async () => {
    const argv = buildxBackend.constructBuildArgs({
      ...everyBuildxOption,
      contextPath: ".",
      tag: ["bento-flags:1"],
      file: "Containerfile",
      version: "0.13.1",
      warn: () => {},
    });
    const command = ["docker", ...buildxBackend.buildCommand];
    const env = backendEnv(buildxBackend);
    const help = await exec([...command, "--help"], { env });
    expect(help.exitCode, help.stderr).toBe(0);
    const listed = helpFlags(help.stdout);
    const produced = argv.flatMap((token) => /^--([a-z0-9-]+)/.exec(token)?.[1] ?? []);
    expect(produced).toContain("load");
    expect(produced.filter((flag) => !listed.has(flag))).toEqual([]);
  });

  it("has an option for every flag `docker buildx build --help` lists", async () => {
    const help = await exec(["docker", ...buildxBackend.buildCommand, "--help"], {
      env: backendEnv(buildxBackend),
    });
    expect(flagsMissingFromTable(helpFlags(help.stdout), buildxBackend.options)).toEqual([]);
  });
});
