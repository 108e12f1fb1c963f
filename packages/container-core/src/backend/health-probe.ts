import { formatArgv } from "../process/format-argv.js";
import type { RunResult } from "../process/runner.js";
import type { HealthContext, HealthReport } from "./contract.js";

/** Runs one health-check command within the context's time box; never throws. */
export async function probe(
  context: HealthContext,
  argv: readonly string[],
  env: HealthContext["env"] = context.env,
): Promise<RunResult> {
  try {
    return await context.run(argv, { env, timeoutMs: context.timeoutMs });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { stdout: "", stderr: "", failed: true, timedOut: false, spawnError: message };
  }
}

/** Why a probe failed, naming the command and what it said; `undefined` when it succeeded. */
export function probeFailure(
  argv: readonly string[],
  result: RunResult,
  timeoutMs?: number,
): string | undefined {
  if (!result.failed) return undefined;
  const command = `\`${formatArgv(argv)}\``;
  if (result.timedOut) return `${command} did not answer within ${timeoutMs ?? "the allowed"} ms`;
  if (result.spawnError) return `${command} could not start (${result.spawnError})`;
  const how = result.signal
    ? `was killed by ${result.signal}`
    : `exited with code ${result.exitCode}`;
  const said = outputTail(result);
  return said ? `${command} ${how}: ${said}` : `${command} ${how} and printed nothing`;
}

/** The last few lines a command printed, standard error first. */
export function outputTail(result: Pick<RunResult, "stdout" | "stderr">, lines = 5): string {
  const text = result.stderr.trim() || result.stdout.trim();
  return text.split("\n").slice(-lines).join("\n");
}

/** The first version number in a tool's output: `buildah version 1.28.2 (...)` gives `1.28.2`. */
export function findVersion(text: string): string | undefined {
  return /\bv?(\d+\.\d+(?:\.\d+)?(?:[-+][0-9A-Za-z.+-]*)?)/.exec(text)?.[1];
}

/** What {@link binaryVersionReport} checks. */
export interface BinaryCheck {
  backend: string;
  binary: string;
  /** How to install the binary, for an unhealthy report. */
  hint: string;
  /** Arguments that print the version; default `["--version"]`. */
  versionArgs?: readonly string[];
}

/**
 * The first step of most health checks: the binary is on PATH and answers its
 * version command with a version. Healthy report with `binary` and `version`, or why not.
 */
export async function binaryVersionReport(
  context: HealthContext,
  check: BinaryCheck,
): Promise<HealthReport> {
  const { backend, hint } = check;
  const binary = context.which(check.binary);
  if (binary === undefined) {
    return { backend, healthy: false, reason: `\`${check.binary}\` is not on PATH`, hint };
  }
  const argv = [binary, ...(check.versionArgs ?? ["--version"])];
  const result = await probe(context, argv);
  const failed = probeFailure(argv, result, context.timeoutMs);
  if (failed) return { backend, healthy: false, binary, reason: failed, hint };
  const version = findVersion(result.stdout);
  if (version === undefined) {
    const said = outputTail(result) || "nothing";
    const reason = `\`${formatArgv(argv)}\` answered ${said}, not a version`;
    return { backend, healthy: false, binary, reason, hint };
  }
  return { backend, healthy: true, binary, version };
}

const BUILDKITD_HINT =
  "Install BuildKit and start buildkitd, or set BUILDKIT_HOST to a running one (e.g. docker-container://buildkitd).";

/**
 * Health of a BuildKit client (nerdctl, buildctl): not on Windows, the binary
 * answers its version, and buildkitd is reachable (on PATH, or `BUILDKIT_HOST` set).
 */
export async function buildkitClientReport(
  context: HealthContext,
  check: BinaryCheck,
): Promise<HealthReport> {
  const { backend } = check;
  if (context.platform === "win32") {
    return {
      backend,
      healthy: false,
      binary: context.which(check.binary),
      reason: `${backend} cannot build on Windows: buildkitd does not run there`,
      hint: `Use docker or podman on Windows, or run ${backend} inside WSL2.`,
    };
  }
  const report = await binaryVersionReport(context, check);
  if (!report.healthy || context.which("buildkitd") || context.env.BUILDKIT_HOST) return report;
  return {
    ...report,
    healthy: false,
    reason: `buildkitd is not on PATH and BUILDKIT_HOST is not set: ${backend} has no BuildKit to build with`,
    hint: BUILDKITD_HINT,
  };
}
