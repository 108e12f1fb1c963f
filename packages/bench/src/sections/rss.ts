import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { exec } from "@bento/test-support";
import { BENTO_BIN } from "../paths.js";
import { type Summary, summarize } from "../stats.js";
import { createWorkspace } from "../workspace.js";

/** Peak resident memory of `bento containerize` for one model size. */
export interface RssPoint {
  modelBytes: number;
  /** Kibibytes, as the kernel counts `maxRSS`. */
  peakKiB: Summary;
}

/**
 * Writes the process's peak RSS to stderr as it exits; loaded with `--require`. It reads
 * the kernel's high-water mark of this image (`VmHWM`), not `resourceUsage().maxRSS`:
 * Linux carries the maximum across `execve`, so maxRSS would count the pages of the bench
 * process it was forked from (https://man7.org/linux/man-pages/man2/getrusage.2.html).
 */
const PROBE = `process.on("exit", () => {
  const hwm = /VmHWM:\\s*(\\d+)/.exec(require("node:fs").readFileSync("/proc/self/status", "utf8"));
  process.stderr.write("\\nbench-max-rss-kib " + (hwm ? hwm[1] : "") + "\\n");
});
`;

/**
 * Peak RSS of the `bento` process for a `bento containerize --dry-run` (resolve,
 * health, model lookup, staging, Containerfile, command) of the example bento
 * with each model size: nothing should read the model's bytes, so it must not grow.
 */
export async function benchRss(
  workRoot: string,
  modelSizes: readonly number[],
  backend: string,
  reps: number,
): Promise<RssPoint[]> {
  const points: RssPoint[] = [];
  for (const modelBytes of modelSizes) {
    const workspace = await createWorkspace(workRoot, modelBytes);
    try {
      const probe = join(workspace.root, "rss-probe.cjs");
      await writeFile(probe, PROBE);
      const cache = await workspace.freshDir("rss-");
      const argv = [process.execPath, "--require", probe, BENTO_BIN, "containerize"];
      const args = [workspace.bentoTag, "--backend", backend, "--dry-run", "--json"];
      const samples: number[] = [];
      for (let rep = 0; rep < reps; rep++) {
        const result = await exec([...argv, ...args], {
          env: workspace.env(cache),
          timeoutMs: 120_000,
        });
        const kib = /bench-max-rss-kib (\d+)/.exec(result.stderr)?.[1];
        if (result.exitCode !== 0 || !kib)
          throw new Error(`bento containerize --dry-run failed: ${result.stderr.slice(-500)}`);
        samples.push(Number(kib));
      }
      points.push({ modelBytes, peakKiB: summarize(samples) });
    } finally {
      await workspace.dispose();
    }
  }
  return points;
}
