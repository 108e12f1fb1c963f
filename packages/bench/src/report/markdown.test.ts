import { describe, expect, it } from "vitest";
import { sampleResults } from "../../test/sample-results.js";
import { markdownTable, resultsMarkdown } from "./markdown.js";
import { evaluateTargets } from "./targets.js";

describe("markdownTable", () => {
  it("right-aligns every column but the first", () => {
    expect(markdownTable(["a", "b"], [["x", "1"]])).toBe("| a | b |\n| --- | ---: |\n| x | 1 |");
  });
});

describe("resultsMarkdown", () => {
  const results = sampleResults();
  const text = resultsMarkdown({ ...results, targets: evaluateTargets(results) });

  it("puts ours and BentoML's way side by side with the speed-up", () => {
    expect(text).toContain(
      "| docker | rebuild after a one-line `src/` edit | 2.00 s | 45.0 s | 22.5x |",
    );
    expect(text).toContain("| docker | 4.00 KiB (2 layers) | 1.00 GiB (2 layers) |");
    expect(text).toContain("| docker | 1.80 s | 1.00 s | 800 ms |");
  });

  it("shows staging, CLI timings and which targets were missed", () => {
    expect(text).toContain("| first stage | 21 ms | 3.00 s | 143x |");
    expect(text).toContain("| `bento --help` | 125 ms | 120 ms | 130 ms |");
    expect(text).toContain(
      "| context staging vs a full copy (warm) | at least 50x faster | 30.0x | **no** |",
    );
  });

  it("shows the floor, the re-stage curve and peak memory", () => {
    expect(text).toContain("| podman | our environment image | 3.00 s | 1.00 s | 3.00x |");
    expect(text).toContain("| podman | 3.00 s | 2.50 s | 500 ms |");
    expect(text).toContain("| 10,000 | 120 ms |");
    expect(text).toContain("| 4.00 GiB | 112.3 MiB | 112.3 MiB |");
    expect(text).toContain("| podman | 1.00 s | 2.00 s | none: no build ran |");
  });

  it("says how and where it was measured", () => {
    expect(text).toContain("2 CPUs, 24 GiB, Node v20.20.2, docker server 20.10.24");
    expect(text).toContain("Medians of 3 runs (CLI: 7)");
  });
});
