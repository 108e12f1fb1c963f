import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { getContainerfile } from "@bento/container-core";
import { describe, expect, it } from "vitest";
import { runCli } from "./helpers/run-cli.js";
import { FIXTURE_BENTO as BENTO, cliSandbox } from "./helpers/sandbox.js";

const box = cliSandbox();

const containerfile = (...args: string[]) =>
  runCli(["containerfile", BENTO, ...args], { env: box().env(), cwd: box().root });

describe("bento containerfile", () => {
  it("prints what getContainerfile gives, with the header, on stdout", async () => {
    const result = await containerfile();
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe(await getContainerfile(BENTO));
    expect(result.stdout).toMatch(/^# -+\n# Generated from the bento/);
    expect(result.stdout).toContain("FROM python:3.11-slim");
    expect(result.stderr).toBe("");
  });

  it("maps --layout, --no-buildkit, --base-image and --frontend to the same options", async () => {
    const result = await containerfile(
      "--layout",
      "compat",
      "--no-buildkit",
      "--base-image",
      "local/python:3.11",
      "--frontend",
      "docker/dockerfile:1.7",
    );
    expect(result.exitCode).toBe(0);
    const expected = await getContainerfile(BENTO, {
      layout: "compat",
      enableBuildkit: false,
      baseImage: "local/python:3.11",
      frontend: "docker/dockerfile:1.7",
    });
    expect(result.stdout).toBe(expected);
    expect(result.stdout).toContain("FROM local/python:3.11");
    expect(result.stdout).not.toContain("--mount=");
  });

  it("DOCKER_BUILDKIT=0 turns BuildKit syntax off as --no-buildkit does", async () => {
    const result = await runCli(["containerfile", BENTO], {
      env: box().env({ DOCKER_BUILDKIT: "0" }),
    });
    expect(result.stdout).toBe(await getContainerfile(BENTO, { enableBuildkit: false }));
  });

  it("-o DIR writes NAME_VERSION.dockerfile there instead of printing", async () => {
    const result = await containerfile("-o", ".");
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(`Wrote the Containerfile to ${box().root}\n`);
    expect(await readdir(box().root)).toContain("s2-basic_v1abc.dockerfile");
    expect(await readFile(join(box().root, "s2-basic_v1abc.dockerfile"), "utf8")).toBe(
      await getContainerfile(BENTO),
    );
  });

  it("a missing bento exits 2 with where it looked", async () => {
    const result = await runCli(["containerfile", "nosuch:v1"], { env: box().env() });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^error: .*nosuch/);
  });

  it("needs exactly one BENTO", async () => {
    const result = await runCli(["containerfile"], { env: box().env() });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^error: bento containerfile needs a BENTO argument\.\n/);
  });
});
