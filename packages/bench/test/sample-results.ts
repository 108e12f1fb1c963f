import type { BenchResults } from "../src/report/results.js";
import { NODE_BASELINE } from "../src/sections/cli-overhead.js";
import { benchSettings } from "../src/settings.js";
import { summarize } from "../src/stats.js";

/** A made-up run for the report tests: docker and podman builds, staging, re-stage, RSS and CLI timings. */
export function sampleResults(): BenchResults {
  const way = (cold: number, change: number, noop: number, bytes: number, count: number) => ({
    cold: summarize([cold, cold + 1, cold - 1]),
    change: summarize([change, change, change]),
    noop: summarize([noop, noop, noop]),
    newLayers: { bytes, count },
  });
  return {
    startedAt: "2026-11-29T03:00:00.000Z",
    durationMs: 600_000,
    machine: { cpus: 2, memoryGiB: 24, node: "v20.20.2", engines: { docker: "server 20.10.24" } },
    settings: benchSettings({ BENTO_BENCH_ENGINES: "docker" }),
    builds: [
      {
        engine: "docker",
        bento: way(50_000, 2_000, 1_800, 4_096, 2),
        bentoml: way(60_000, 45_000, 44_000, 1024 ** 3 + 10_240, 2),
        engineNoop: summarize([900, 1_000, 1_100]),
        engineChange: summarize([1_200, 1_200, 1_200]),
        floor: summarize([1_500, 1_500, 1_500]),
        floorFrom: "base",
        changeWithMachineEnv: summarize([2_100, 2_100, 2_100]),
      },
      {
        engine: "podman",
        bento: way(40_000, 3_000, 1_000, 4_096, 1),
        bentoml: way(50_000, 36_000, 13_000, 1024 ** 3, 2),
        engineNoop: summarize([2_000, 2_000, 2_000]),
        engineChange: summarize([2_500, 2_500, 2_500]),
        floor: summarize([1_000, 1_000, 1_000]),
        floorFrom: "environment",
      },
    ],
    restage: [
      { files: 1_000, stage: summarize([10, 10, 10]) },
      { files: 10_000, stage: summarize([120, 120, 120]) },
    ],
    rss: [
      { modelBytes: 1024 ** 3, peakKiB: summarize([100_000, 100_000, 100_000]) },
      { modelBytes: 4 * 1024 ** 3, peakKiB: summarize([115_000, 115_000, 115_000]) },
    ],
    staging: {
      cold: { stage: summarize([20, 21, 22]), copy: summarize([3_000, 3_100, 2_900]) },
      warm: { stage: summarize([100, 100, 100]), copy: summarize([3_000, 3_000, 3_000]) },
    },
    cli: [
      { command: NODE_BASELINE, time: summarize([90, 100, 95]) },
      { command: "bento --help", time: summarize([120, 130, 125]) },
    ],
    targets: [],
  };
}
