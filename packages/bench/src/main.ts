import { rmSync } from "node:fs";
import { timed } from "./clock.js";
import { BENCH_ENGINES, ENGINE_TABLE } from "./engines.js";
import { RESULTS_MD } from "./paths.js";
import { machineInfo } from "./report/machine.js";
import { resultsMarkdown } from "./report/markdown.js";
import type { BenchResults } from "./report/results.js";
import { evaluateTargets } from "./report/targets.js";
import { writeResults } from "./report/write.js";
import { benchBuilds, type EngineBuilds } from "./sections/builds.js";
import { benchCli } from "./sections/cli-overhead.js";
import { benchConcurrency } from "./sections/concurrency.js";
import { benchRemote } from "./sections/remote.js";
import { benchRestage } from "./sections/restage.js";
import { benchRss } from "./sections/rss.js";
import { benchStaging } from "./sections/staging.js";
import { type BenchSettings, benchSettings, SECTIONS } from "./settings.js";
import { createWorkspace } from "./workspace.js";

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

const settings = benchSettings();
const started = new Date();
const machine = await machineInfo(settings.engines);
const { ms: setupMs, value: workspace } = await timed(() =>
  createWorkspace(settings.workRoot, settings.modelBytes),
);
log(
  `store with a ${settings.modelBytes} byte model in ${workspace.root} (${Math.round(setupMs)} ms)`,
);
process.once("SIGINT", () => {
  rmSync(workspace.root, { recursive: true, force: true });
  process.exit(130);
});

const results: Omit<BenchResults, "targets" | "durationMs"> = {
  startedAt: started.toISOString(),
  machine,
  settings,
  builds: [] as EngineBuilds[],
};
try {
  if (settings.sections.includes("staging")) {
    log("context staging against a full copy");
    results.staging = await benchStaging(workspace, settings.reps);
  }
  if (settings.sections.includes("cli")) {
    log("CLI overhead");
    results.cli = await benchCli(workspace, settings.cliReps);
  }
  if (settings.sections.includes("restage")) {
    log("re-stage curve: 1k, 10k, 50k files in src/");
    results.restage = await benchRestage(settings.workRoot, settings.reps);
  }
  if (settings.sections.includes("rss")) {
    log("peak RSS of bento containerize --dry-run: model and 4x the model");
    const sizes = [settings.modelBytes, 4 * settings.modelBytes];
    results.rss = await benchRss(
      settings.workRoot,
      sizes,
      settings.engines[0] ?? "docker",
      settings.reps,
    );
  }
  if (settings.sections.includes("builds")) {
    for (const name of settings.engines) {
      log(`builds with ${name}`);
      results.builds.push(
        await benchBuilds(ENGINE_TABLE[name], {
          workspace,
          reps: settings.reps,
          baseImage: settings.baseImage,
          runId: started.getTime().toString(36),
          log,
        }),
      );
    }
  }
  if (settings.sections.includes("concurrency")) {
    log("docker no-op rebuilds alone and two at once");
    results.concurrency = await benchConcurrency({
      workspace,
      reps: settings.reps,
      baseImage: settings.baseImage,
      baselineBin: settings.baselineBin,
      log,
    });
  }
  if (settings.sections.includes("remote")) {
    log("remote BuildKit (TCP, mutual TLS) and a build cache shared through the registry");
    results.remote = await benchRemote({
      workspace,
      reps: settings.reps,
      runId: started.getTime().toString(36),
      log,
    });
  }
} finally {
  await workspace.dispose();
}

const measured = { ...results, durationMs: Date.now() - started.getTime() };
const final: BenchResults = { ...measured, targets: evaluateTargets(measured) };
const markdown = resultsMarkdown(final);
process.stdout.write(markdown);
const written = await writeResults(
  settings.outDir,
  final,
  markdown,
  isFullRun(settings) ? RESULTS_MD : undefined,
);
log(`results: ${written.json}, ${written.markdown}`);

/** Only a run of every part at full size replaces RESULTS.md. */
function isFullRun(run: BenchSettings): boolean {
  return (
    run.sections.length === SECTIONS.length &&
    run.engines.length === BENCH_ENGINES.length &&
    run.reps >= 3 &&
    run.modelBytes >= 1024 ** 3
  );
}
