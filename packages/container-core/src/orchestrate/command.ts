import type { HealthReport, OCIBuilder } from "../backend/contract.js";
import { backendEnv } from "../backend/env.js";
import { shownArgv } from "../process/shown-argv.js";
import { withLabels, withSecrets } from "./backend-inputs.js";
import { reproduciblePlan } from "./reproducible.js";

type Env = Readonly<Record<string, string | undefined>>;

/** Everything the build's command line is decided from; each part a value. */
export interface CommandInputs {
  builder: OCIBuilder;
  /** The health report the build goes ahead on. */
  report: HealthReport;
  /** The user's backend options, validated. */
  options: Readonly<Record<string, unknown>>;
  /** The user's environment. */
  env: Env;
  contextPath: string;
  containerfilePath: string;
  tags: readonly string[];
  cwd?: string;
  /** The labels to add (see `imageLabels`). */
  labels: Record<string, string>;
  /** The bento's creation time, which reproducible builds pin timestamps to. */
  creationTime?: string;
  reproducible: boolean;
  /** `id=NAME,src=FILE` of each build-stage secret. */
  secretSpecs: readonly string[];
  /** Where the backend writes the image id, when it can. */
  imageIdFile?: string;
  /**
   * `false` when the Containerfile declares no ARG (a split build's code part):
   * it gets no build arguments, each of which the engine would warn was not consumed.
   */
  buildArgs?: boolean;
  runAsRoot: boolean;
  /** Path of a binary on `PATH` (buildctl picks its output from it). */
  which(binary: string): string | undefined;
  /** Whether a path exists (path options naming one are made absolute). */
  exists(path: string): boolean;
}

/** The build's command line, its environment and what it adds to the user's options. */
export interface CommandPlan {
  argv: string[];
  /** The argv as reports and errors show it: the backend's hidden variables as `$NAME`. */
  shownArgv: string[];
  env: Record<string, string>;
  /** A command reading the build's stdout into an image store, when the backend has one. */
  loader?: string[];
  reproducible: { applied: boolean; reason?: string };
  warnings: string[];
}

/**
 * Decides the build's argv and env: the user's backend options merged with
 * the reproducible-timestamp, secret, label and image-id options, the
 * backend's command hook (never under sudo) and `sudo --preserve-env`. Runs
 * nothing; the backend's hooks read at most files and variables.
 */
export function planCommand(inputs: CommandInputs): CommandPlan {
  const { builder, options } = inputs;
  const warnings: string[] = [];
  const warn = (message: string) => warnings.push(message);
  const reproducible = reproduciblePlan(
    builder,
    inputs.report.version,
    inputs.creationTime,
    options,
    inputs.reproducible,
  );
  const idOption = builder.imageId?.option;
  const merged = { ...options, ...reproducible.options };
  const { buildArg: _, ...withoutBuildArgs } = merged;
  const backendOptions = {
    ...(inputs.buildArgs === false ? withoutBuildArgs : merged),
    ...withSecrets(builder, options, [...inputs.secretSpecs]),
    ...withLabels(builder, options, inputs.labels, warn),
    ...(idOption && inputs.imageIdFile ? { [idOption]: inputs.imageIdFile } : {}),
  };
  const invocation = {
    contextPath: inputs.contextPath,
    tag: [...inputs.tags],
    cwd: inputs.cwd,
    which: inputs.which,
    exists: inputs.exists,
    version: inputs.report.version,
  };
  const args = builder.constructBuildArgs({
    ...backendOptions,
    ...invocation,
    file: inputs.containerfilePath,
    warn,
  });
  const env = { ...backendEnv(builder, inputs.env), ...reproducible.env };
  // Under sudo the engine reads root's settings, not these: the backend's own command stays.
  const sudo = inputs.runAsRoot ? ["sudo", "--preserve-env"] : [];
  const command =
    (!inputs.runAsRoot && builder.buildCommandFor?.({ env, report: inputs.report, args })) ||
    builder.buildCommand;
  const loader = builder.loadCommand?.({ ...backendOptions, ...invocation });
  const argv = [...sudo, builder.binary, ...command, ...args];
  return {
    argv,
    shownArgv: shownArgv(argv, builder.hiddenEnv, env),
    env,
    loader: loader ? [...sudo, ...loader] : undefined,
    reproducible: { applied: reproducible.applied, reason: reproducible.reason },
    warnings,
  };
}
