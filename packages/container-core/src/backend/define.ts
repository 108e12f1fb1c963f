import { runCommand } from "../process/runner.js";
import { which } from "../process/which.js";
import type {
  BackendSpec,
  BuildArgsInput,
  BuildInvocation,
  HealthContext,
  HealthReport,
  OCIBuilder,
} from "./contract.js";
import type { OptionTable } from "./option-table.js";
import { validateOptions } from "./validate-options.js";

/** Upper bound of one health check when the caller sets none. */
export const DEFAULT_HEALTH_TIMEOUT_MS = 10_000;

/** Fills a {@link HealthContext} from the real machine. */
export function healthContext(partial: Partial<HealthContext> = {}): HealthContext {
  const env = partial.env ?? process.env;
  return {
    env,
    platform: partial.platform ?? process.platform,
    run: partial.run ?? runCommand,
    which: partial.which ?? ((binary) => which(binary, env)),
    timeoutMs: partial.timeoutMs ?? DEFAULT_HEALTH_TIMEOUT_MS,
    purpose: partial.purpose ?? "report",
  };
}

/**
 * Turns a {@link BackendSpec} into an {@link OCIBuilder} with BentoML's defaults
 * (`binary` = name, `buildCommand` = `["build"]`) and a health check that never
 * throws and never outlives its time box.
 */
export function defineBackend<O = Record<string, unknown>>(
  name: string,
  spec: BackendSpec<O>,
): OCIBuilder<O> {
  const binary = spec.binary ?? name;
  const check = async (context: HealthContext): Promise<HealthReport> => {
    if (spec.diagnose) return spec.diagnose(context);
    if (!spec.health) return { backend: name, healthy: true, binary: context.which(binary) };
    const healthy = await spec.health(context);
    return healthy
      ? { backend: name, healthy, binary: context.which(binary) }
      : { backend: name, healthy, reason: `the ${name} health check returned false` };
  };
  const diagnose = (partial?: Partial<HealthContext>) =>
    boundedDiagnose(name, check, healthContext(partial));
  return {
    name,
    binary,
    buildCommand: spec.buildCommand ?? ["build"],
    env: spec.env ?? {},
    hiddenEnv: spec.hiddenEnv,
    buildkitSupport: spec.buildkitSupport,
    options: spec.options ?? {},
    capabilities: spec.capabilities ?? {},
    imageId: spec.imageId,
    source: spec.source ?? "user",
    description: spec.description,
    diagnose,
    health: async (partial) => (await diagnose(partial)).healthy,
    // A fingerprint that throws is no fingerprint: the health check then runs.
    healthFingerprint: spec.healthFingerprint
      ? async (partial) => {
          try {
            return await spec.healthFingerprint?.(healthContext(partial));
          } catch {
            return undefined;
          }
        }
      : undefined,
    constructBuildArgs: spec.options
      ? checkedBuildArgs(name, spec.options, spec.constructBuildArgs)
      : spec.constructBuildArgs,
    // A command hook that throws keeps `buildCommand`.
    buildCommandFor: spec.buildCommandFor
      ? (context) => {
          try {
            return spec.buildCommandFor?.(context);
          } catch {
            return undefined;
          }
        }
      : undefined,
    adaptContainerfile: spec.adaptContainerfile,
    loadCommand: spec.loadCommand,
    layeredDefaults: spec.layeredDefaults,
    imageStore: spec.imageStore,
    environmentImage: spec.environmentImage,
  };
}

async function boundedDiagnose(
  name: string,
  check: (context: HealthContext) => Promise<HealthReport>,
  context: HealthContext,
): Promise<HealthReport> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<HealthReport>((resolve) => {
    timer = setTimeout(
      () =>
        resolve({
          backend: name,
          healthy: false,
          reason: `the ${name} health check did not finish within ${context.timeoutMs} ms`,
          hint: `Check that ${name} answers on this machine (run it by hand), then retry.`,
        }),
      context.timeoutMs + 500,
    );
  });
  try {
    return await Promise.race([check(context), timeout]);
  } catch (error) {
    return {
      backend: name,
      healthy: false,
      reason: `the ${name} health check failed: ${error instanceof Error ? error.message : String(error)}`,
    };
  } finally {
    clearTimeout(timer);
  }
}

/** What `build()` passes besides the backend's options; never validated against the table. */
const INVOCATION_KEYS: readonly (keyof BuildInvocation)[] = [
  "contextPath",
  "file",
  "tag",
  "cwd",
  "which",
  "exists",
  "version",
  "hostPlatform",
  "warn",
];

/**
 * `constructBuildArgs` that validates its options against the table first, so a
 * direct call never drops an unknown or mistyped option silently.
 */
function checkedBuildArgs<O>(
  name: string,
  table: OptionTable,
  construct: (options: BuildArgsInput<O>) => string[],
): (options: BuildArgsInput<O>) => string[] {
  return (input) => {
    const options: Record<string, unknown> = { ...(input as Record<string, unknown>) };
    for (const key of INVOCATION_KEYS) if (!Object.hasOwn(table, key)) delete options[key];
    validateOptions(name, table, options);
    return construct(input);
  };
}
