import { describe, expect, it } from "vitest";
import { benchSettings } from "./settings.js";

describe("benchSettings", () => {
  it("defaults to a 1 GiB model, 3 runs, every engine and every part", () => {
    const settings = benchSettings({});
    expect(settings).toMatchObject({
      reps: 3,
      cliReps: 7,
      modelBytes: 1024 ** 3,
      engines: ["docker", "podman", "buildah"],
      sections: ["staging", "cli", "builds", "concurrency", "restage", "rss", "remote"],
      baseImage: "bento-base:bookworm",
    });
    expect(settings.outDir).toMatch(/bench-results$/);
  });

  it("reads the overrides", () => {
    const settings = benchSettings({
      BENTO_BENCH_REPS: "5",
      BENTO_BENCH_MODEL_MIB: "8",
      BENTO_BENCH_ENGINES: "podman",
      BENTO_BENCH_SECTIONS: "staging, cli",
      BENTO_BENCH_OUT: "/tmp/out",
    });
    expect(settings).toMatchObject({
      reps: 5,
      modelBytes: 8 * 1024 ** 2,
      engines: ["podman"],
      sections: ["staging", "cli"],
      outDir: "/tmp/out",
    });
  });

  it.each([
    [{ BENTO_BENCH_REPS: "0" }, "BENTO_BENCH_REPS=0 is not a whole number of at least 1"],
    [{ BENTO_BENCH_CLI_REPS: "2.5" }, "BENTO_BENCH_CLI_REPS=2.5"],
    [{ BENTO_BENCH_ENGINES: "docker,kaniko" }, "unknown kaniko; choose from docker, podman"],
  ])("refuses %j", (env, message) => {
    expect(() => benchSettings(env)).toThrow(message);
  });
});
