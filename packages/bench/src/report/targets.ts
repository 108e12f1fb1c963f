import { NODE_BASELINE } from "../sections/cli-overhead.js";
import { speedup } from "../stats.js";
import { formatBytes, formatMs, formatRatio } from "./format.js";
import type { BenchResults, Target } from "./results.js";

const MIB = 1024 * 1024;
const GIB = 1024 * MIB;

/** The issue's goals that this run has numbers for. Pure. */
export function evaluateTargets(results: Omit<BenchResults, "targets">): Target[] {
  const targets: Target[] = [];
  const docker = results.builds.find((entry) => entry.engine === "docker");
  if (docker) {
    const { bento, bentoml } = docker;
    const vsBentoml = speedup(bentoml.change, bento.change);
    targets.push({
      name: "code-change rebuild vs BentoML's way (docker)",
      goal: "at least 20x faster",
      measured: formatRatio(vsBentoml),
      met: vsBentoml >= 20,
    });
    const vsNoop = bento.change.median / bento.noop.median;
    targets.push({
      name: "code-change rebuild vs our no-op rebuild (docker)",
      goal: "within 5x",
      measured: formatRatio(vsNoop),
      met: vsNoop <= 5,
    });
    targets.push({
      name: "new-layer bytes after a code edit (docker)",
      goal: "under 1 MiB vs over 1 GiB",
      measured: `${formatBytes(bento.newLayers.bytes)} vs ${formatBytes(bentoml.newLayers.bytes)}`,
      met: bento.newLayers.bytes < MIB && bentoml.newLayers.bytes > GIB,
    });
  }
  if (results.staging) {
    for (const [when, pair] of Object.entries(results.staging)) {
      const ratio = speedup(pair.copy, pair.stage);
      targets.push({
        name: `context staging vs a full copy (${when})`,
        goal: "at least 50x faster",
        measured: formatRatio(ratio),
        met: ratio >= 50,
      });
    }
  }
  const baseline = results.concurrency?.baseline;
  if (baseline) {
    const ratio = results.concurrency!.alone.median / baseline.alone.median;
    targets.push({
      name: "no-op rebuild vs the baseline CLI (docker)",
      goal: "within 1.10x",
      measured: formatRatio(ratio),
      met: ratio <= 1.1,
    });
  }
  const help = results.cli?.find((entry) => entry.command === "bento --help");
  if (help) {
    const node = results.cli?.find((entry) => entry.command === NODE_BASELINE);
    targets.push({
      name: "`bento --help`",
      goal: "under 300 ms",
      measured: `${formatMs(help.time.median)}${node ? ` (Node alone: ${formatMs(node.time.median)})` : ""}`,
      met: help.time.median < 300,
    });
  }
  return targets;
}
