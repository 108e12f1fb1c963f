import type { EngineBuilds } from "../sections/builds.js";
import type { RemoteBuilds } from "../sections/remote.js";
import { type Summary, speedup } from "../stats.js";
import { formatBytes, formatMs, formatRatio } from "./format.js";
import type { BenchResults } from "./results.js";

/** A markdown table from a header row and body rows. Pure. */
export function markdownTable(header: readonly string[], rows: readonly string[][]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  const rule = header.map((_, i) => (i === 0 ? "---" : "---:"));
  return [line(header), line(rule), ...rows.map(line)].join("\n");
}

const PHASES = [
  ["cold", "cold build"],
  ["change", "rebuild after a one-line `src/` edit"],
  ["noop", "no-op rebuild"],
] as const;

/** The whole report: how it was measured, then one table per part. Pure. */
export function resultsMarkdown(results: BenchResults): string {
  const { machine, settings } = results;
  const parts = [
    "## Performance",
    "",
    `Measured by \`pnpm bench\` (packages/bench) on ${results.startedAt.slice(0, 10)}: ${machine.cpus} CPUs, ${machine.memoryGiB} GiB, Node ${machine.node}, ${Object.entries(
      machine.engines,
    )
      .map(([name, version]) => `${name} ${version}`)
      .join(
        ", ",
      )}. Model: ${formatBytes(settings.modelBytes)} of random bytes in the model store. Medians of ${settings.reps} runs (CLI: ${settings.cliReps}); whole bench ${formatMs(results.durationMs)}.`,
  ];
  if (results.builds.length) parts.push("", buildsSection(results.builds));
  if (results.remote) parts.push("", remoteSection(results.remote));
  if (results.staging) parts.push("", stagingSection(results));
  if (results.restage) parts.push("", restageSection(results));
  if (results.rss) parts.push("", rssSection(results));
  if (results.cli) parts.push("", cliSection(results));
  if (results.concurrency) parts.push("", concurrencySection(results));
  if (results.targets.length) {
    parts.push(
      "",
      "### Targets",
      "",
      markdownTable(
        ["target", "goal", "measured", "met"],
        results.targets.map((t) => [t.name, t.goal, t.measured, t.met ? "yes" : "**no**"]),
      ),
    );
  }
  return `${parts.join("\n")}\n`;
}

function buildsSection(builds: readonly EngineBuilds[]): string {
  const rows = builds.flatMap((entry) =>
    PHASES.map(([phase, label]) => {
      const ours = entry.bento[phase];
      const theirs = entry.bentoml[phase];
      return [
        entry.engine,
        label,
        formatMs(ours.median),
        formatMs(theirs.median),
        formatRatio(speedup(theirs, ours)),
      ];
    }),
  );
  const changeShares = builds.map((entry) => [
    entry.engine,
    formatMs(entry.bento.change.median),
    formatMs(entry.engineChange.median),
    formatMs(entry.bento.change.median - entry.engineChange.median),
  ]);
  const shares = builds.map((entry) => [
    entry.engine,
    formatMs(entry.bento.noop.median),
    formatMs(entry.engineNoop.median),
    entry.bento.noop.median < entry.engineNoop.median
      ? "none: no build ran"
      : formatMs(entry.bento.noop.median - entry.engineNoop.median),
  ]);
  const floors = builds.map((entry) => [
    entry.engine,
    entry.floorFrom === "environment" ? "our environment image" : "the run's base image",
    formatMs(entry.bento.change.median),
    formatMs(entry.floor.median),
    formatRatio(entry.bento.change.median / entry.floor.median),
    entry.changeWithMachineEnv
      ? `${formatMs(entry.changeWithMachineEnv.median)}, ${formatRatio(entry.changeWithMachineEnv.median / entry.floor.median)}`
      : "not set",
  ]);
  const bytes = builds.map((entry) => [
    entry.engine,
    layersText(entry.bento.newLayers),
    layersText(entry.bentoml.newLayers),
  ]);
  return [
    "### Builds",
    "",
    "`bento containerize` (layered Containerfile, staged context) against BentoML's way (copy the bento and its models into a new temporary directory, write the compat Containerfile there, build). Cold: the bench's images removed first, and on docker the build cache pruned; both ways build `FROM` a base image made for the run, so no older cache matches.",
    "",
    markdownTable(["engine", "build", "bento containerize", "BentoML's way", "speed-up"], rows),
    "",
    "New layers after the one-line edit (uncompressed bytes a registry push would send):",
    "",
    markdownTable(["engine", "bento containerize", "BentoML's way"], bytes),
    "",
    "The floor: the engine's own cached build of a two-line Containerfile (`FROM` the image our code-change rebuild builds on, `COPY src`) after the same one-line edit, against our code-change rebuild. `bento` runs without this machine's `NODE_EXTRA_CA_CERTS`, which makes every Node 20 start load the file (https://github.com/nodejs/node/issues/40524); the last column times the rebuild with it:",
    "",
    markdownTable(
      [
        "engine",
        "floor `FROM`",
        "bento containerize",
        "floor",
        "ratio",
        "with NODE_EXTRA_CA_CERTS",
      ],
      floors,
    ),
    "",
    "Where our code-change rebuild goes: its engine command (the same argv, run again by itself after one more one-line edit) against the whole `bento containerize` (Node start, health check or its remembered result, staging, Containerfile, image lookups, then that command):",
    "",
    markdownTable(
      ["engine", "bento containerize", "engine command alone", "the rest"],
      changeShares,
    ),
    "",
    "Where our no-op rebuild goes: the engine's own build command (the same argv, run again by itself) against the whole `bento containerize` (Node start, health check, staging, Containerfile, then that command). A no-op whose inputs are provably unchanged tags the image it built before and runs no build at all:",
    "",
    markdownTable(["engine", "bento containerize", "engine command alone", "the rest"], shares),
  ].join("\n");
}

function layersText(layers: { count: number; bytes: number }): string {
  return `${formatBytes(layers.bytes)} (${layers.count} layer${layers.count === 1 ? "" : "s"})`;
}

/** A row of two medians and how much faster the first is. */
function timingRow(label: string, ours: Summary, theirs: Summary): string[] {
  return [
    label,
    formatMs(ours.median),
    formatMs(theirs.median),
    formatRatio(speedup(theirs, ours)),
  ];
}

function remoteSection(remote: RemoteBuilds): string {
  const { bento, bentoml, fresh } = remote;
  return [
    "### Beyond one machine",
    "",
    `On the buildkitd at ${remote.endpoint} (mutual TLS), both ways pushing to the loopback registry; bytes are what the client sent to the daemon, counted by a proxy. Builder B is a fresh buildkitd (empty state) on a unix socket. \`bento containerize\` runs with \`--no-reproducible\` here (BentoML's way pins no timestamps): with reproducible timestamps, BuildKit 0.13's \`rewrite-timestamp\` re-compresses every layer, the model's too, at each export.`,
    "",
    markdownTable(
      ["", "bento containerize", "BentoML's way", "speed-up"],
      [
        timingRow("rebuild after a one-line `src/` edit", bento.change, bentoml.change),
        [
          "bytes sent to the builder",
          formatBytes(bento.sentBytes),
          formatBytes(bentoml.sentBytes),
          "",
        ],
      ],
    ),
    "",
    markdownTable(
      ["fresh builder B", "with the registry cache", "without", "speed-up"],
      [
        timingRow("the cache of this bento", fresh.withCache, fresh.without),
        timingRow("the cache from before the `src/` edits", fresh.earlierCache, fresh.without),
      ],
    ),
    "",
    "With the cache, B still receives the whole context: a COPY's cache key is the checksum of the files it copies, so B needs the files (the model included) to find the cached layer. Only what comes from an image (the base, a model image) stays out of the transfer; the cache saves the RUN steps and the layer compression. When the code's `COPY` misses (a cache from before the edit), B also pulls and unpacks every cached layer below it, the model's included, to run that step (see packages/bench/README.md).",
  ].join("\n");
}

function stagingSection(results: BenchResults): string {
  const staging = results.staging!;
  const row = (label: string, pair: typeof staging.cold) => [
    label,
    formatMs(pair.stage.median),
    formatMs(pair.copy.median),
    formatRatio(speedup(pair.copy, pair.stage)),
  ];
  return [
    "### Context staging",
    "",
    markdownTable(
      ["", "core staging (model lookup, hard-link tree)", "full copy (`fs.cp`)", "speed-up"],
      [row("first stage", staging.cold), row("re-stage after a one-line edit", staging.warm)],
    ),
  ].join("\n");
}

function restageSection(results: BenchResults): string {
  const rows = results.restage!.map((point) => [
    point.files.toLocaleString("en-US"),
    formatMs(point.stage.median),
  ]);
  return [
    "### Re-stage after a one-line edit, by files in `src/`",
    "",
    "Core's staging of a bento whose `src/` holds that many small files; the same walk gives the staged context's identity that the unchanged-build check reads (metadata only):",
    "",
    markdownTable(["files in `src/`", "re-stage (identity included)"], rows),
  ].join("\n");
}

function rssSection(results: BenchResults): string {
  const rows = results.rss!.map((point) => [
    formatBytes(point.modelBytes),
    formatBytes(point.peakKiB.median * 1024),
    formatBytes(point.peakKiB.max * 1024),
  ]);
  return [
    "### Peak memory by model size",
    "",
    "Peak resident memory of the `bento` process for `bento containerize --dry-run` (resolve, health check, model lookup, staging, Containerfile, command):",
    "",
    markdownTable(["model", "peak RSS (median)", "peak RSS (max)"], rows),
  ].join("\n");
}

function cliSection(results: BenchResults): string {
  const rows = results.cli!.map((entry) => [
    `\`${entry.command}\``,
    formatMs(entry.time.median),
    formatMs(entry.time.min),
    formatMs(entry.time.max),
  ]);
  return ["### CLI overhead", "", markdownTable(["command", "median", "min", "max"], rows)].join(
    "\n",
  );
}

function concurrencySection(results: BenchResults): string {
  const { alone, engine, pair, baseline } = results.concurrency!;
  const row = (label: string, time: Summary) => [
    label,
    formatMs(time.median),
    formatMs(time.min),
    formatMs(time.max),
  ];
  const rows = [
    row("one alone", alone),
    row("one alone, the engine run (no reuse record)", engine),
  ];
  if (baseline) rows.push(row(`one alone, baseline \`${baseline.bin}\``, baseline.alone));
  rows.push(row("two of the same bento at once (wall time)", pair));
  return [
    "### Concurrent builds",
    "",
    "Docker no-op rebuilds of the bench's bento, interleaved. A build holds its staged tree until its engine exits; a build running meanwhile stages a tree of its own.",
    "",
    markdownTable(["no-op rebuild", "median", "min", "max"], rows),
  ].join("\n");
}
