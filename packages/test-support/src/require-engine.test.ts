import { describe, expect, it } from "vitest";
import {
  EngineMissingError,
  engineVerdict,
  isCi,
  probeEngine,
  settleVerdict,
} from "./require-engine.js";

describe("engineVerdict", () => {
  it("is usable when the probe exits 0", () => {
    expect(engineVerdict("docker", { exitCode: 0, stdout: "20.10.24", stderr: "" })).toEqual({
      usable: true,
    });
  });

  it("says the binary is not on PATH when it cannot start", () => {
    const verdict = engineVerdict("podman", {
      exitCode: undefined,
      stdout: "",
      stderr: "spawn podman ENOENT",
      spawnError: "ENOENT",
    });
    expect(verdict).toEqual({ usable: false, reason: "podman: podman is not on PATH" });
  });

  it("names the probe, its exit code and the last stderr line", () => {
    const verdict = engineVerdict("docker", {
      exitCode: 1,
      stdout: "",
      stderr:
        "Client: 28.2.2\nCannot connect to the Docker daemon at unix:///var/run/docker.sock\n",
    });
    expect(verdict.usable).toBe(false);
    expect(verdict.reason).toBe(
      "docker: no docker daemon answers (`docker version --format {{.Server.Version}}` exit code: 1: " +
        "Cannot connect to the Docker daemon at unix:///var/run/docker.sock)",
    );
  });
});

describe("isCi", () => {
  it.each([
    [{ CI: "true" }, true],
    [{ CI: "1" }, true],
    [{ CI: "false" }, false],
    [{ CI: "0" }, false],
    [{ CI: "" }, false],
    [{}, false],
  ])("%j -> %s", (env, expected) => {
    expect(isCi(env)).toBe(expected);
  });
});

describe("settleVerdict", () => {
  const missing = { usable: false, reason: "buildah: buildah is not on PATH" };

  it("passes a usable engine without a word", () => {
    const warnings: string[] = [];
    expect(
      settleVerdict("buildah", { usable: true }, { CI: "true" }, (m) => warnings.push(m)),
    ).toBe(true);
    expect(warnings).toEqual([]);
  });

  it("prints the reason and returns false outside CI", () => {
    const warnings: string[] = [];
    expect(settleVerdict("buildah", missing, {}, (m) => warnings.push(m))).toBe(false);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^Skipping buildah e2e tests: buildah: buildah is not on PATH; /);
    expect(warnings[0]).toContain("scripts/engines/setup.sh");
  });

  it("throws under CI, saying what is missing", () => {
    expect(() => settleVerdict("buildah", missing, { CI: "true" })).toThrow(EngineMissingError);
    expect(() => settleVerdict("buildah", missing, { CI: "true" })).toThrow(
      /CI needs a real engine: buildah: buildah is not on PATH/,
    );
  });
});

describe("probeEngine", () => {
  it("probes once per process and answers the same verdict", async () => {
    const first = probeEngine("podman");
    expect(probeEngine("podman")).toBe(first);
    expect(typeof (await first).usable).toBe("boolean");
  });
});
