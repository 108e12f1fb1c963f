import { describe, expect, it } from "vitest";
import { sampleResults } from "../../test/sample-results.js";
import { summarize } from "../stats.js";
import { evaluateTargets } from "./targets.js";

describe("evaluateTargets", () => {
  it("checks each goal of the issue against the medians", () => {
    expect(evaluateTargets(sampleResults())).toEqual([
      {
        name: "code-change rebuild vs BentoML's way (docker)",
        goal: "at least 20x faster",
        measured: "22.5x",
        met: true,
      },
      {
        name: "code-change rebuild vs our no-op rebuild (docker)",
        goal: "within 5x",
        measured: "1.11x",
        met: true,
      },
      {
        name: "new-layer bytes after a code edit (docker)",
        goal: "under 1 MiB vs over 1 GiB",
        measured: "4.00 KiB vs 1.00 GiB",
        met: true,
      },
      {
        name: "code-change rebuild vs the engine's floor (docker)",
        goal: "within 2x",
        measured:
          "1.33x (2.00 s vs 1.50 s); with this machine's NODE_EXTRA_CA_CERTS 1.40x (2.10 s)",
        met: true,
      },
      {
        name: "code-change rebuild vs BentoML's way (podman)",
        goal: "at least 10x faster",
        measured: "12.0x",
        met: true,
      },
      {
        name: "no-op rebuild vs BentoML's way (podman)",
        goal: "at least 5x faster",
        measured: "13.0x",
        met: true,
      },
      {
        name: "code-change rebuild vs the engine's floor (podman)",
        goal: "within 2x",
        measured: "3.00x (3.00 s vs 1.00 s)",
        met: false,
      },
      {
        name: "peak RSS, 1.00 GiB vs 4.00 GiB model",
        goal: "equal within 10%",
        measured: "97.7 MiB vs 112.3 MiB (15.0%)",
        met: false,
      },
      {
        name: "re-stage after a one-line edit, 10,000 files in `src/`",
        goal: "under 300 ms",
        measured: "120 ms (identity included)",
        met: true,
      },
      {
        name: "context staging vs a full copy (cold)",
        goal: "at least 50x faster",
        measured: "143x",
        met: true,
      },
      {
        name: "context staging vs a full copy (warm)",
        goal: "at least 50x faster",
        measured: "30.0x",
        met: false,
      },
      {
        name: "`bento --help`",
        goal: "under 300 ms",
        measured: "125 ms (Node alone: 95 ms)",
        met: true,
      },
    ]);
  });

  it("compares our no-op rebuilds, reused and with the engine run, with the baseline CLI's", () => {
    const time = (median: number) => summarize([median]);
    const concurrency = {
      alone: time(300),
      engine: time(1_160),
      pair: time(1_500),
      baseline: { bin: "/work/baseline/bin.js", alone: time(1_000) },
    };
    const { builds, staging, cli, restage, rss, ...rest } = sampleResults();
    expect(evaluateTargets({ ...rest, builds: [], concurrency })).toEqual([
      {
        name: "no-op rebuild vs the baseline CLI (docker)",
        goal: "within 1.10x",
        measured: "0.30x (300 ms vs 1.00 s)",
        met: true,
      },
      {
        name: "no-op rebuild, the engine run (no reuse record) vs the baseline CLI (docker)",
        goal: "within 1.10x",
        measured: "1.16x (1.16 s vs 1.00 s)",
        met: false,
      },
    ]);
    const { baseline, ...withoutBaseline } = concurrency;
    expect(evaluateTargets({ ...rest, builds: [], concurrency: withoutBaseline })).toEqual([]);
  });

  it("leaves out the goals of parts that did not run", () => {
    const { builds, staging, cli, restage, rss, ...rest } = sampleResults();
    expect(evaluateTargets({ ...rest, builds: [] })).toEqual([]);
    const parts = [staging, cli, restage, rss].filter(Boolean).length;
    expect(builds.length + parts).toBe(6);
  });
});
