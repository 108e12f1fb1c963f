import { describe, expect, it } from "vitest";
import { sampleResults } from "./sample-results.js";
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

  it("leaves out the goals of parts that did not run", () => {
    const { builds, staging, cli, ...rest } = sampleResults();
    expect(evaluateTargets({ ...rest, builds: [] })).toEqual([]);
    expect(builds.length + Number(Boolean(staging)) + Number(Boolean(cli))).toBe(3);
  });
});
