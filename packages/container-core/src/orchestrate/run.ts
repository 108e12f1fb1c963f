import { readFile, writeFile } from "node:fs/promises";
import { noteEngine } from "../context/lock.js";
import { writeSecretFiles } from "../context/secrets.js";
import { ensureEnvironment } from "../environment/ensure.js";
import { createStepTracker } from "../process/progress.js";
import { runBuildProcess } from "../process/run-build.js";
import {
  checkReuse,
  type ReuseCheck,
  recordOf,
  rememberBuild,
  tagReused,
} from "../reuse/shortcut.js";
import { explainFailure } from "./explain-failure.js";
import { runCleanups } from "./plan.js";
import type { BuildEvent, BuildPlan, BuildResult, RunPlanOptions } from "./types.js";

/**
 * Carries out a plan: writes its secrets, runs its command in the staged
 * context streaming log lines and steps, reads the image id, and cleans up
 * whatever happens. A failure whose backend no longer passes its health check
 * says so.
 */
export async function runPlan(plan: BuildPlan, options: RunPlanOptions = {}): Promise<BuildResult> {
  const emit = (event: BuildEvent) => options.onEvent?.(event);
  try {
    const access = { builder: plan.backend, env: plan.env, signal: options.signal };
    const environment = plan.environment;
    const record = plan.reuse ? await recordOf(plan.reuse) : undefined;
    // A guessed environment image: checked first when an earlier build may be reused,
    // else beside the code build (see below).
    const guessed = record && environment?.guess ? await environment.guess : undefined;
    if (record && environment?.guess && !guessed) throw new StaleGuessError();
    const guessing = !record ? environment?.guess : undefined;
    // The environment image's id when planning's lookup found it: not looked up again.
    const knownId = environment?.knownId ?? guessed;
    const known = environment && knownId ? { [environment.tag]: knownId } : {};
    const checking: Promise<ReuseCheck> =
      plan.reuse && !guessing ? checkReuse(plan.reuse, access, known, record) : Promise.resolve({});
    checking.catch(() => {}); // awaited below; a failed build must not leave it unhandled
    // Without a record nothing can be reused: the FROM images' ids are only needed for the
    // record written after the build, so the engine starts without waiting for them (unless
    // the environment image, one of them, is looked up first).
    const check = record || environment ? await checking : {};
    if (plan.reuse && check.imageId) {
      await tagReused(plan.reuse, access, check.imageId, plan.tags);
      const line = `Reused ${check.imageId}: the bento, models, Containerfile, command and base images are those it was built from.`;
      emit({ type: "log", stream: "stdout", line });
      await writeIdFile(plan.imageIdFile, check.imageId);
      return { ...planResult(plan, `${line}\n`, check.imageId), reused: true };
    }
    await writeSecretFiles(plan.secrets);
    const onLine = (stream: "stdout" | "stderr", line: string) =>
      emit({ type: "log", stream, line });
    const environmentId = guessing
      ? undefined
      : environment
        ? await ensureEnvironment(environment, {
            builder: plan.backend,
            knownId: check.bases?.[environment.tag],
            signal: options.signal,
            onLine,
          }).catch((error: unknown) => explainFailure(error, plan.backend, plan.userEnv))
        : undefined;
    emit({ type: "command", argv: plan.shownArgv });
    const track = createStepTracker();
    const held = guessing && holdEvents(guessing, emit);
    const running = runBuildProcess(plan.argv, {
      shown: plan.shownArgv,
      env: plan.env,
      cwd: plan.contextPath,
      signal: held ? held.signal(options.signal) : options.signal,
      loader: plan.loader,
      // A build killed outright cannot stop its engine: the next one taking its tree over does.
      onStart: noteEngine,
      onLine: (stream, line) => {
        const say = held ? held.emit : emit;
        say({ type: "log", stream, line });
        const step = track(line);
        if (step) say({ type: "step", ...step });
      },
    });
    running.catch(() => {}); // awaited below, once the guess is settled
    const guessedId = guessing && (await guessing);
    if (guessing && !guessedId) {
      await running.catch(() => {});
      throw new StaleGuessError();
    }
    const { output } = await running.catch((error: unknown) =>
      explainFailure(error, plan.backend, plan.userEnv),
    );
    const idFile = plan.imageIdFile;
    const idText = idFile ? await readFile(idFile, "utf8").catch(() => "") : "";
    const imageId = plan.backend.imageId?.parse(idText);
    // A lookup that failed beside a build that worked only costs the record.
    const looked = await checking.catch((): ReuseCheck => ({}));
    const builtOn = environmentId ?? (guessedId || undefined);
    const bases = environment && builtOn ? { [environment.tag]: builtOn } : looked.bases;
    if (plan.reuse && imageId && bases) await rememberBuild(plan.reuse, imageId, bases);
    return planResult(plan, output, imageId);
  } finally {
    await runCleanups(plan.cleanups);
  }
}

/**
 * Thrown when the FROM images' ids remembered from the last build no longer
 * hold (or the environment image they name is gone): `build()` plans again,
 * looking them up first. The code build started meanwhile is stopped.
 */
export class StaleGuessError extends Error {
  constructor() {
    super("The environment image guessed from the last build's base image ids does not hold.");
    this.name = "StaleGuessError";
  }
}

/**
 * While `guess` is unsettled, holds the build's events back; once it gives an
 * id, passes them on and lets later ones through; when it gives none, drops
 * them and aborts the build (through `signal`).
 */
function holdEvents(
  guess: Promise<string | undefined>,
  emit: (event: BuildEvent) => void,
): { emit(event: BuildEvent): void; signal(outer?: AbortSignal): AbortSignal } {
  const stale = new AbortController();
  let held: BuildEvent[] | undefined = [];
  void guess.then((id) => {
    const events = held ?? [];
    held = undefined;
    if (!id) return stale.abort();
    for (const event of events) emit(event);
  });
  return {
    emit: (event) => (held ? held.push(event) : emit(event)),
    signal: (outer) => (outer ? AbortSignal.any([outer, stale.signal]) : stale.signal),
  };
}

/** Writes the reused image's id where the build would have (the user's own file included). */
async function writeIdFile(path: string | undefined, imageId: string): Promise<void> {
  if (path) await writeFile(path, imageId);
}

/** What a plan produced: after a run, its output and image id; for a dry run, neither. */
export function planResult(plan: BuildPlan, output = "", imageId?: string): BuildResult {
  return {
    imageId,
    tags: plan.tags,
    backend: plan.backend.name,
    argv: plan.shownArgv,
    containerfile: plan.containerfile,
    containerfilePath: plan.containerfilePath,
    contextPath: plan.contextPath,
    durationMs: Date.now() - plan.startedAt,
    output,
    reproducible: plan.reproducible,
    warnings: plan.warnings,
    dryRun: plan.dryRun,
    environment: plan.environment && {
      tag: plan.environment.tag,
      argv: plan.environment.shownArgv,
      containerfilePath: plan.environment.containerfilePath,
    },
  };
}
