import { chmod, readFile, writeFile } from "node:fs/promises";
import { delimiter, join } from "node:path";
import { tempDir } from "./temp-dir.js";

/** Environment variables a stand-in records by default: the ones backends set or read. */
export const DEFAULT_RECORDED_ENV: readonly string[] = [
  "DOCKER_BUILDKIT",
  "DOCKER_SCAN_SUGGEST",
  "DOCKER_HOST",
  "BUILDAH_FORMAT",
  "BUILDKIT_HOST",
  "BUILDX_BUILDER",
  "CONTAINERD_ADDRESS",
  "CONTAINERD_NAMESPACE",
];

/** How a stand-in behaves. */
export interface StandInOptions {
  /** Printed, with exit code 0, when the first argument is `--version`, `-v` or `version`. */
  versionOutput?: string;
  /** Exit code of every other call; 0 by default. */
  exitCode?: number;
  /** Printed on stdout / stderr by every other call. */
  stdout?: string;
  stderr?: string;
  /** Names of the environment variables recorded with each call. */
  envKeys?: readonly string[];
  /** Flags whose value names a file to write, with its content: `{ "--iidfile": "sha256:..." }`. */
  flagFiles?: Readonly<Record<string, string>>;
}

/** One recorded invocation of a stand-in. */
export interface StandInCall {
  argv: string[];
  /** The recorded variables that were set. */
  env: Record<string, string>;
  cwd: string;
}

/** A stand-in executable in its own directory, ready to put first on PATH. */
export interface RecordingStandIn {
  /** The directory holding the executable, to prepend to PATH. */
  dir: string;
  /** Full path of the executable. */
  path: string;
  /** The JSON-lines log, one line per call. */
  logPath: string;
  /** `PATH` with the stand-in first, before `base` (the current PATH by default). */
  pathEnv(base?: string): string;
  /** The calls made so far, oldest first. */
  calls(): Promise<StandInCall[]>;
  cleanup(): Promise<void>;
}

/** The stand-in's source: a Node script with its behaviour baked in as JSON (pure). */
export function standInScript(nodePath: string, logPath: string, options: StandInOptions): string {
  const config = JSON.stringify({
    logPath,
    versionOutput: options.versionOutput ?? "",
    exitCode: options.exitCode ?? 0,
    stdout: options.stdout ?? "",
    stderr: options.stderr ?? "",
    envKeys: options.envKeys ?? DEFAULT_RECORDED_ENV,
    flagFiles: options.flagFiles ?? {},
  });
  return `#!${nodePath}
"use strict";
const fs = require("node:fs");
const config = ${config};
const argv = process.argv.slice(2);
const env = {};
for (const key of config.envKeys) if (process.env[key] !== undefined) env[key] = process.env[key];
fs.appendFileSync(config.logPath, JSON.stringify({ argv, env, cwd: process.cwd() }) + "\\n");
if (["--version", "-v", "version"].includes(argv[0])) {
  process.stdout.write(config.versionOutput);
  process.exit(0);
}
argv.forEach((arg, i) => {
  for (const [flag, content] of Object.entries(config.flagFiles)) {
    if (arg === flag && i + 1 < argv.length) fs.writeFileSync(argv[i + 1], content);
    if (arg.startsWith(flag + "=")) fs.writeFileSync(arg.slice(flag.length + 1), content);
  }
});
process.stdout.write(config.stdout);
process.stderr.write(config.stderr);
process.exitCode = config.exitCode;
`;
}

/** Parses a stand-in's JSON-lines log (pure). */
export function parseStandInLog(text: string): StandInCall[] {
  return text
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as StandInCall);
}

/**
 * Writes an executable named `binary` into a fresh temp dir; each call appends its argv and
 * chosen env to a log and prints canned output. Used where no real binary exists (nerdctl, buildctl).
 */
export async function recordingStandIn(
  binary: string,
  options: StandInOptions = {},
): Promise<RecordingStandIn> {
  const dir = await tempDir(`bento-standin-${binary}-`);
  const path = join(dir.path, binary);
  const logPath = join(dir.path, `${binary}.calls.jsonl`);
  await writeFile(logPath, "");
  await writeFile(path, standInScript(process.execPath, logPath, options));
  await chmod(path, 0o755);
  return {
    dir: dir.path,
    path,
    logPath,
    pathEnv: (base = process.env.PATH ?? "") =>
      base ? `${dir.path}${delimiter}${base}` : dir.path,
    calls: async () => parseStandInLog(await readFile(logPath, "utf8")),
    cleanup: dir.cleanup,
  };
}
