import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  build,
  defineBackend,
  type OptionTable,
  registerBackend,
  unregisterBackend,
} from "@bento/container-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backendOptions } from "./backend-options.js";
import { parseOpt } from "./opt-grammar.js";
import { inOptSpelling } from "./opt-spelling.js";

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

// Unknown keys and wrong kinds are build()'s to refuse (before it reads the bento);
// the CLI says its unknown-key error in --opt spelling.
const cache = mkdtempSync(join(tmpdir(), "bento-cli-options-"));
beforeAll(() => {
  for (const builder of builders) registerBackend(builder);
});
afterAll(() => {
  for (const builder of builders) unregisterBackend(builder.name);
  rmSync(cache, { recursive: true, force: true });
});
const containerize = (backend: string, ...raws: string[]) =>
  build("/nonexistent/bento", {
    backend,
    backendOptions: backendOptions(backend, entries(...raws), builders),
    env: { BENTO_CONTAINER_CACHE_DIR: cache },
  }).catch((error: unknown) => Promise.reject(inOptSpelling(error)));

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

  it("names the nearest option of the named backend, in --opt spelling", async () => {
    await expect(containerize("docker", "no-cahe")).rejects.toThrow(
      "--opt no-cahe is not an option of the docker backend. Did you mean --opt no-cache?",
    );
    await expect(containerize("docker", "layers")).rejects.toThrow(
      expect.objectContaining({ code: "E_OPTION", exitCode: 2 }),
    );
  });

  it("for auto, refuses only keys no backend has", async () => {
    await expect(containerize("auto", "layerz")).rejects.toThrow(
      "--opt layerz is not an option of any registered backend. Did you mean --opt layers?",
    );
  });

  it("validates value types of a named backend before anything runs", async () => {
    await expect(containerize("docker", "shm-size=big")).rejects.toThrow(
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
