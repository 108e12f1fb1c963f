import { type ExecResult, exec } from "@bento/backend-testing";
import { ENGINE_PROBES, type EngineName } from "./engines.js";

/** Whether an engine can be used, and if not, why. */
export interface EngineVerdict {
  usable: boolean;
  reason?: string;
}

const SETUP_HINT = "run scripts/engines/setup.sh as root to install and start the engines";

/** Thrown under env `CI`, where a missing engine fails the suite instead of skipping it. */
export class EngineMissingError extends Error {
  override name = "EngineMissingError";
}

/** Turns a probe's result into a verdict (pure). */
export function engineVerdict(engine: EngineName, result: ExecResult): EngineVerdict {
  const probe = ENGINE_PROBES[engine];
  if (result.spawnError === "ENOENT") {
    return { usable: false, reason: `${engine}: ${probe.argv[0]} is not on PATH` };
  }
  if (result.exitCode === 0) return { usable: true };
  const detail = result.stderr.trim().split("\n").slice(-1)[0] ?? "";
  return {
    usable: false,
    reason: `${engine}: ${probe.meaning} (\`${probe.argv.join(" ")}\` exit code: ${result.exitCode ?? "killed"}${detail ? `: ${detail}` : ""})`,
  };
}

const verdicts = new Map<EngineName, Promise<EngineVerdict>>();

/** Probes an engine once per process (and the engine it needs first). */
export function probeEngine(engine: EngineName): Promise<EngineVerdict> {
  let verdict = verdicts.get(engine);
  if (verdict === undefined) {
    verdict = probeUncached(engine);
    verdicts.set(engine, verdict);
  }
  return verdict;
}

async function probeUncached(engine: EngineName): Promise<EngineVerdict> {
  const probe = ENGINE_PROBES[engine];
  if (probe.needs !== undefined) {
    const first = await probeEngine(probe.needs);
    if (!first.usable) return { usable: false, reason: `${engine} needs ${first.reason}` };
  }
  return engineVerdict(engine, await exec(probe.argv, { timeoutMs: 30_000 }));
}

/**
 * True when the engine is usable. When it is not: under env `CI` throws
 * {@link EngineMissingError}; elsewhere prints the skip reason and returns false.
 */
export async function requireEngine(
  engine: EngineName,
  env: NodeJS.ProcessEnv = process.env,
): Promise<boolean> {
  return settleVerdict(engine, await probeEngine(engine), env);
}

/** The decision {@link requireEngine} takes on a verdict; `warn` prints the skip reason. */
export function settleVerdict(
  engine: EngineName,
  verdict: EngineVerdict,
  env: NodeJS.ProcessEnv,
  warn: (message: string) => void = console.warn,
): boolean {
  if (verdict.usable) return true;
  const message = `${verdict.reason}; ${SETUP_HINT}`;
  if (isCi(env)) throw new EngineMissingError(`CI needs a real engine: ${message}`);
  warn(`Skipping ${engine} e2e tests: ${message}`);
  return false;
}

/** Whether env `CI` is set to anything but empty, `0` or `false`. */
export function isCi(env: NodeJS.ProcessEnv): boolean {
  const value = env.CI?.trim().toLowerCase();
  return value !== undefined && value !== "" && value !== "0" && value !== "false";
}
