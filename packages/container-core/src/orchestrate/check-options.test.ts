import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defineBackend } from "../backend/define.js";
import { registerBackend, unregisterBackend } from "../backend/registry.js";
import { OptionError } from "../errors.js";
import { build } from "./build.js";
import { checkOptionsEarly } from "./check-options.js";

const kit = defineBackend("check-kit", {
  buildkitSupport: true,
  options: {
    noCache: { kind: "boolean", doc: "" },
    shmSize: { kind: "number", doc: "" },
    progress: { kind: "string", values: ["auto", "plain"], doc: "" },
  },
  constructBuildArgs: () => [],
});
const plain = defineBackend("check-plain", {
  buildkitSupport: false,
  options: { layers: { kind: "boolean", doc: "" } },
  constructBuildArgs: () => [],
});

const cache = mkdtempSync(join(tmpdir(), "bento-check-options-"));

beforeAll(() => {
  registerBackend(kit);
  registerBackend(plain);
});
afterAll(() => {
  unregisterBackend(kit.name);
  unregisterBackend(plain.name);
  rmSync(cache, { recursive: true, force: true });
});

const thrown = (run: () => unknown): OptionError => {
  try {
    run();
  } catch (error) {
    if (error instanceof OptionError) return error;
    throw error;
  }
  throw new Error("nothing thrown");
};

describe("checkOptionsEarly", () => {
  it("checks a named backend's options in full and says it did", () => {
    expect(checkOptionsEarly("check-kit", { noCache: true, shmSize: 64 }, {})).toBe(kit);
  });

  it.each([
    [
      "a misspelt key",
      { noCach: true },
      { key: "noCach", problem: "unknown", suggestion: "noCache" },
    ],
    ["a value of the wrong kind", { shmSize: "big" }, { key: "shmSize", problem: "type" }],
  ])("names %s with what is wrong", (_, options, detail) => {
    const error = thrown(() => checkOptionsEarly("check-kit", options, {}));
    expect(error.option).toEqual({ backend: "check-kit", ...detail });
    expect(error.exitCode).toBe(2);
  });

  it("leaves out a progress the backend drops (it builds without BuildKit)", () => {
    expect(checkOptionsEarly("check-plain", { progress: "plain", layers: true }, {})).toBe(plain);
  });

  it("leaves an unregistered name to the backend selection", () => {
    expect(checkOptionsEarly("check-missing", { anything: 1 }, {})).toBeUndefined();
  });

  it("for auto, refuses only a key no registered backend has; the chosen one checks the rest", () => {
    expect(checkOptionsEarly("auto", { layers: true, noCache: true }, {})).toBeUndefined();
    const error = thrown(() => checkOptionsEarly("auto", { layerz: true }, {}));
    expect(error.message).toBe(
      'Unknown option "layerz" for any registered backend. Did you mean "layers"?',
    );
    expect(error.option).toEqual({
      key: "layerz",
      problem: "unknown",
      backend: undefined,
      suggestion: "layers",
    });
  });

  it("makes build() refuse bad options before it reads the bento", async () => {
    const run = build("/nonexistent/bento", {
      backend: "check-kit",
      env: { PATH: process.env.PATH, BENTO_CONTAINER_CACHE_DIR: cache },
      backendOptions: { noCach: true },
    });
    await expect(run).rejects.toThrow(OptionError);
    await expect(run).rejects.toThrow('Unknown option "noCach" for the check-kit backend.');
  });
});
