import type { EngineBuilds } from "../sections/builds.js";
import { NODE_BASELINE } from "../sections/cli-overhead.js";
import { speedup } from "../stats.js";
import { formatBytes, formatMs, formatRatio } from "./format.js";
import type { BenchResults, Target } from "./results.js";

const MIB = 1024 * 1024;
const GIB = 1024 * MIB;

/** Speed-ups over BentoML's way each engine must reach: code-change rebuild, no-op rebuild. */
const ENGINE_GOALS: Readonly<Record<string, { change: number; noop?: number }>> = {
  docker: { change: 20 },
  podman: { change: 10, noop: 5 },
  buildah: { change: 10, noop: 5 },
};

/** One engine's goals against BentoML's way and against its own floor. Pure. */
function engineTargets(entry: EngineBuilds): Target[] {
  const targets: Target[] = [];
  const goals = ENGINE_GOALS[entry.engine];
  const { bento, bentoml } = entry;
  if (goals && entry.engine !== "docker") {
    const change = speedup(bentoml.change, bento.change);
    targets.push({
      name: `code-change rebuild vs BentoML's way (${entry.engine})`,
      goal: `at least ${goals.change}x faster`,
      measured: formatRatio(change),
      met: change >= goals.change,
    });
  }
  if (goals?.noop) {
    const noop = speedup(bentoml.noop, bento.noop);
    targets.push({
      name: `no-op rebuild vs BentoML's way (${entry.engine})`,
      goal: `at least ${goals.noop}x faster`,
      measured: formatRatio(noop),
      met: noop >= goals.noop,
    });
  }
  const floor = bento.change.median / entry.floor.median;
  const machine = entry.changeWithMachineEnv;
  const withMachine = machine
    ? `; with this machine's NODE_EXTRA_CA_CERTS ${formatRatio(machine.median / entry.floor.median)} (${formatMs(machine.median)})`
    : "";
  targets.push({
    name: `code-change rebuild vs the engine's floor (${entry.engine})`,
    goal: "within 2x",
    measured: `${formatRatio(floor)} (${formatMs(bento.change.median)} vs ${formatMs(entry.floor.median)})${withMachine}`,
    met: floor <= 2,
  });
  return targets;
}

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
  for (const entry of results.builds) targets.push(...engineTargets(entry));
  const [small, large] = results.rss ?? [];
  if (small && large) {
    const growth = large.peakKiB.median / small.peakKiB.median - 1;
    targets.push({
      name: `peak RSS, ${formatBytes(small.modelBytes)} vs ${formatBytes(large.modelBytes)} model`,
      goal: "equal within 10%",
      measured: `${formatBytes(small.peakKiB.median * 1024)} vs ${formatBytes(large.peakKiB.median * 1024)} (${(growth * 100).toFixed(1)}%)`,
      met: Math.abs(growth) <= 0.1,
    });
  }
  const tenK = results.restage?.find((point) => point.files === 10_000);
  if (tenK) {
    targets.push({
      name: "re-stage after a one-line edit, 10,000 files in `src/`",
      goal: "under 300 ms",
      measured: `${formatMs(tenK.stage.median)} (identity included)`,
      met: tenK.stage.median < 300,
    });
  }
  if (results.remote) {
    const { bento, bentoml, fresh } = results.remote;
    const vsBentoml = speedup(bentoml.change, bento.change);
    targets.push({
      name: "code-change rebuild on a remote BuildKit (TCP) vs BentoML's way on it (neither pinning timestamps)",
      goal: "at least 20x faster",
      measured: formatRatio(vsBentoml),
      met: vsBentoml >= 20,
    });
    targets.push({
      name: "bytes sent to the remote builder on that rebuild",
      goal: "under 1 MiB (BentoML's way: over 1 GiB)",
      measured: `${formatBytes(bento.sentBytes)} vs ${formatBytes(bentoml.sentBytes)}`,
      met: bento.sentBytes < MIB,
    });
    const cached = speedup(fresh.without, fresh.withCache);
    targets.push({
      name: "fresh builder B with the registry cache of the same bento vs without",
      goal: "at least 3x faster",
      measured: formatRatio(cached),
      met: cached >= 3,
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
    const { alone, engine } = results.concurrency!;
    for (const [what, ours] of [
      ["", alone],
      [", the engine run (no reuse record)", engine],
    ] as const) {
      const ratio = ours.median / baseline.alone.median;
      targets.push({
        name: `no-op rebuild${what} vs the baseline CLI (docker)`,
        goal: "within 1.10x",
        measured: `${formatRatio(ratio)} (${formatMs(ours.median)} vs ${formatMs(baseline.alone.median)})`,
        met: ratio <= 1.1,
      });
    }
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
