import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { HealthReport } from "@bento/container-core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { dockerBuildCommand } from "./command.js";

const report: HealthReport = {
  backend: "docker",
  healthy: true,
  version: "20.10.24",
  clientVersion: "28.2.2",
};
const installed = () => "/usr/libexec/docker/cli-plugins/docker-buildx";
const missing = () => undefined;
const DIRECT = ["buildx", "build", "--builder", "default"];

let config: string;

beforeEach(async () => {
  config = await mkdtemp(join(tmpdir(), "bento-docker-command-"));
});

afterEach(async () => {
  await rm(config, { recursive: true, force: true });
});

/** The command for a build with this env (DOCKER_CONFIG set to a fresh folder), args and report. */
function commandFor(
  env: Record<string, string> = {},
  options: { args?: string[]; report?: HealthReport; plugin?: () => string | undefined } = {},
) {
  return dockerBuildCommand(
    {
      env: { DOCKER_CONFIG: config, ...env },
      report: options.report ?? report,
      args: options.args ?? [],
    },
    options.plugin ?? installed,
  );
}

const writeConfig = (value: unknown) =>
  writeFile(join(config, "config.json"), JSON.stringify(value));

describe("the docker build command", () => {
  it("calls buildx directly with the current context's builder, as `docker build` forwards", async () => {
    expect(commandFor()).toEqual(DIRECT);
    expect(commandFor({ DOCKER_BUILDKIT: "1" })).toEqual(DIRECT);
    expect(commandFor({ DOCKER_CONTEXT: "remote" })).toEqual([
      "buildx",
      "build",
      "--builder",
      "remote",
    ]);
    await writeConfig({ currentContext: "laptop" });
    expect(commandFor()).toEqual(["buildx", "build", "--builder", "laptop"]);
    expect(commandFor({ DOCKER_HOST: "unix:///run/other.sock" })).toEqual(DIRECT);
  });

  it("keeps a builder the user names, in BUILDX_BUILDER or --builder", () => {
    expect(commandFor({ BUILDX_BUILDER: "fast" })).toEqual(["buildx", "build"]);
    expect(commandFor({}, { args: ["--builder", "fast", "."] })).toEqual(["buildx", "build"]);
    expect(commandFor({}, { args: ["--builder=fast", "."] })).toEqual(["buildx", "build"]);
    expect(commandFor({ BUILDX_BUILDER: "" })).toEqual(DIRECT);
  });

  it("leaves `docker build` to a CLI older than 23.0 or of unknown version", () => {
    expect(commandFor({}, { report: { ...report, clientVersion: "20.10.24" } })).toBeUndefined();
    expect(commandFor({}, { report: { ...report, clientVersion: "23.0.0" } })).toEqual(DIRECT);
    const { clientVersion: _unknown, ...withoutClient } = report;
    expect(commandFor({}, { report: withoutClient })).toBeUndefined();
  });

  it("leaves `docker build` to the legacy builder and to values docker itself rejects", () => {
    for (const value of ["0", "false", "FALSE", "f"]) {
      expect(commandFor({ DOCKER_BUILDKIT: value }), value).toBeUndefined();
    }
    for (const value of ["yes", "on", ""]) {
      expect(commandFor({ DOCKER_BUILDKIT: value }), value).toBeUndefined();
    }
    expect(commandFor({ DOCKER_BUILDKIT: "true" })).toEqual(DIRECT);
  });

  it("leaves `docker build` to a configured builder alias and to a missing buildx plugin", async () => {
    expect(commandFor({}, { plugin: missing })).toBeUndefined();
    await writeConfig({ aliases: { builder: "other" } });
    expect(commandFor()).toBeUndefined();
  });
});
