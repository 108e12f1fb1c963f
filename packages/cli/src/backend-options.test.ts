import { defineBackend, type OptionTable } from "@bento/container-core";
import { describe, expect, it } from "vitest";
import { backendOptions } from "./backend-options.js";
import { parseOpt } from "./opt-grammar.js";

const entries = (...raws: string[]) => raws.map(parseOpt);

const backend = (name: string, options: OptionTable) =>
  defineBackend(name, { buildkitSupport: true, options, constructBuildArgs: () => [] });

const docker = backend("docker", {
  noCache: { kind: "boolean", doc: "" },
  shmSize: { kind: "number", doc: "" },
  buildArg: { kind: "pairs", separator: "=", doc: "" },
});
const podman = backend("podman", {
  shmSize: { kind: "string", doc: "" },
  layers: { kind: "boolean", doc: "" },
});
const builders = [podman, docker];

describe("backendOptions", () => {
  it("converts by the named backend's table", () => {
    expect(backendOptions("podman", entries("shm-size=64m", "layers=false"), builders)).toEqual({
      shmSize: "64m",
      layers: false,
    });
  });

  it("converts for auto by the first backend of the auto order that has the key", () => {
    expect(
      backendOptions("auto", entries("shm-size=64", "layers", "build-arg=A=1"), builders),
    ).toEqual({
      shmSize: 64,
      layers: true,
      buildArg: ["A=1"],
    });
  });

  it("names the nearest option of the named backend, in --opt spelling", () => {
    expect(() => backendOptions("docker", entries("no-cahe"), builders)).toThrow(
      "--opt no-cahe is not an option of the docker backend. Did you mean --opt no-cache?",
    );
    expect(() => backendOptions("docker", entries("layers"), builders)).toThrow(
      expect.objectContaining({ code: "E_OPTION", exitCode: 2 }),
    );
  });

  it("for auto, refuses only keys no backend has", () => {
    expect(() => backendOptions("auto", entries("layerz"), builders)).toThrow(
      "--opt layerz is not an option of any registered backend. Did you mean --opt layers?",
    );
  });

  it("validates value types of a named backend before anything runs", () => {
    expect(() => backendOptions("docker", entries("shm-size=big"), builders)).toThrow(
      /"shmSize" of the docker backend must be a number/,
    );
  });

  it("refuses keys build() reads itself, pointing at the flag", () => {
    expect(() => backendOptions("docker", entries("dry-run"), builders)).toThrow(
      expect.objectContaining({
        code: "E_USAGE",
        hint: "Use --dry-run of bento containerize instead.",
      }),
    );
    expect(() => backendOptions("podman", entries("env=A=1"), builders)).toThrow(
      expect.objectContaining({
        message: '--opt env is not a backend option: bento reads "env" itself.',
        hint: expect.stringContaining("--opt build-env=KEY=VALUE"),
      }),
    );
    expect(() => backendOptions("docker", entries("cwd=/x"), builders)).toThrow(
      expect.objectContaining({
        hint: "Pass the backend's own flag raw instead: --opt extra-args=--cwd=VALUE.",
      }),
    );
  });

  it("passes extra-args through for every backend", () => {
    expect(backendOptions("docker", entries("extra-args=--squash"), builders)).toEqual({
      extraArgs: ["--squash"],
    });
  });

  it("refuses an unknown backend with the registered names", () => {
    expect(() => backendOptions("dockr", entries(), builders)).toThrow(
      expect.objectContaining({ code: "E_UNKNOWN_BACKEND" }),
    );
  });
});
