import { tmpdir } from "node:os";
import { resolve } from "node:path";
import { baseImage } from "@bento/test-support";
import { BENCH_ENGINES, type BenchEngineName } from "./engines.js";
import { REPO_ROOT } from "./paths.js";

/** The parts of the bench that can be run. */
export const SECTIONS = [
  "staging",
  "cli",
  "builds",
  "concurrency",
  "restage",
  "rss",
  "remote",
] as const;

/** One part of the bench. */
export type Section = (typeof SECTIONS)[number];

/** What one bench run measures and where it keeps its files. */
export interface BenchSettings {
  /** Samples per build and staging measurement (the table shows the median). */
  reps: number;
  /** Samples per CLI command. */
  cliReps: number;
  modelBytes: number;
  engines: BenchEngineName[];
  sections: Section[];
  /** Parent of the run's temporary directory (stores, contexts, copies). */
  workRoot: string;
  /** Where the JSON results go. */
  outDir: string;
  baseImage: string;
  /** A baseline `bento` (`dist/bin.js` of another checkout) the concurrency part compares with. */
  baselineBin?: string;
}

const MIB = 1024 * 1024;

/**
 * Settings from the environment: `BENTO_BENCH_REPS` (3), `BENTO_BENCH_CLI_REPS` (7),
 * `BENTO_BENCH_MODEL_MIB` (1024), `BENTO_BENCH_ENGINES` (docker,podman),
 * `BENTO_BENCH_SECTIONS` (all), `BENTO_BENCH_DIR`, `BENTO_BENCH_OUT`, `BENTO_BENCH_BASELINE_BIN`.
 */
export function benchSettings(env: NodeJS.ProcessEnv = process.env): BenchSettings {
  return {
    reps: count(env, "BENTO_BENCH_REPS", 3),
    cliReps: count(env, "BENTO_BENCH_CLI_REPS", 7),
    modelBytes: count(env, "BENTO_BENCH_MODEL_MIB", 1024) * MIB,
    engines: names(env, "BENTO_BENCH_ENGINES", BENCH_ENGINES),
    sections: names(env, "BENTO_BENCH_SECTIONS", SECTIONS),
    workRoot: resolve(env.BENTO_BENCH_DIR || tmpdir()),
    outDir: resolve(env.BENTO_BENCH_OUT || resolve(REPO_ROOT, "bench-results")),
    baseImage: baseImage(env),
    baselineBin: env.BENTO_BENCH_BASELINE_BIN ? resolve(env.BENTO_BENCH_BASELINE_BIN) : undefined,
  };
}

function count(env: NodeJS.ProcessEnv, key: string, fallback: number): number {
  const text = env[key]?.trim();
  if (!text) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${key}=${text} is not a whole number of at least 1`);
  return value;
}

function names<T extends string>(env: NodeJS.ProcessEnv, key: string, all: readonly T[]): T[] {
  const text = env[key]?.trim();
  if (!text) return [...all];
  const picked = text.split(",").map((name) => name.trim());
  const unknown = picked.filter((name) => !all.includes(name as T));
  if (unknown.length)
    throw new Error(`${key}: unknown ${unknown.join(", ")}; choose from ${all.join(", ")}`);
  return picked as T[];
}
