import { afterEach, describe, expect, it } from "vitest";
import { BackendExistsError, UnknownBackendError } from "../errors.js";
import type { RunResult } from "../process/runner.js";
import { defineBackend } from "./define.js";
import {
  diagnose,
  ensureBackend,
  getBackend,
  hasBackend,
  health,
  listBackends,
  registerBackend,
  unregisterBackend,
} from "./registry.js";

const spec = { buildkitSupport: false, constructBuildArgs: () => ["."] };

afterEach(() => {
  for (const builder of listBackends()) unregisterBackend(builder.name);
});

describe("registry", () => {
  it("registers with BentoML's defaults and finds the backend", () => {
    const builder = registerBackend("kaniko", spec);
    expect(builder).toMatchObject({
      binary: "kaniko",
      buildCommand: ["build"],
      env: {},
      source: "user",
    });
    expect(getBackend("kaniko")).toBe(builder);
    expect(hasBackend("kaniko")).toBe(true);
  });

  it("refuses a taken name", () => {
    registerBackend("kaniko", spec);
    expect(() => registerBackend("kaniko", spec)).toThrow(BackendExistsError);
  });

  it("ensureBackend keeps the first registration", () => {
    const first = registerBackend("kaniko", spec);
    expect(ensureBackend(defineBackend("kaniko", spec))).toBe(first);
  });

  it("lists the registered backends for an unknown name", () => {
    registerBackend("a", spec);
    registerBackend("b", spec);
    expect(() => getBackend("missing")).toThrow(UnknownBackendError);
    expect(() => getBackend("missing")).toThrow(
      'Unknown backend "missing". Registered backends: a, b.',
    );
  });

  it("wraps a boolean health check into a report", async () => {
    registerBackend("sick", { ...spec, health: async () => false });
    expect(await health("sick")).toBe(false);
    expect((await diagnose("sick")).reason).toContain("returned false");
  });

  it("turns a throwing health check into an unhealthy report", async () => {
    registerBackend("boom", {
      ...spec,
      diagnose: async () => {
        throw new Error("kaboom");
      },
    });
    expect(await diagnose("boom")).toMatchObject({
      healthy: false,
      reason: expect.stringContaining("kaboom"),
    });
  });

  it("bounds a hanging health check in time", async () => {
    registerBackend("slow", { ...spec, diagnose: () => new Promise(() => {}) });
    const started = Date.now();
    const report = await diagnose("slow", { timeoutMs: 100 });
    expect(report).toMatchObject({ healthy: false, reason: expect.stringContaining("100 ms") });
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it("passes an injected runner and environment to the check", async () => {
    const seen: string[][] = [];
    const run = async (argv: readonly string[]): Promise<RunResult> => {
      seen.push([...argv]);
      return { exitCode: 0, stdout: "v1", stderr: "", failed: false, timedOut: false };
    };
    registerBackend("probe", {
      ...spec,
      diagnose: async (ctx) => {
        const result = await ctx.run(["probe", "--version"]);
        return { backend: "probe", healthy: true, version: result.stdout, binary: ctx.env.PROBE };
      },
    });
    expect(await diagnose("probe", { run, env: { PROBE: "/x" } })).toMatchObject({
      version: "v1",
      binary: "/x",
    });
    expect(seen).toEqual([["probe", "--version"]]);
  });
});
