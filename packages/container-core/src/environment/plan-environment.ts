import { lstat, readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import type { HealthReport, OCIBuilder } from "../backend/contract.js";
import { sweepStaleLocks } from "../context/lock.js";
import { makeRunDir } from "../context/run-dir.js";
import { TRANSIENT_NAMES } from "../context/transient-names.js";
import { planCommand } from "../orchestrate/command.js";
import { writeContainerfile } from "../orchestrate/containerfile-file.js";
import {
  buildVariables,
  fromImages,
  inputsKey,
  reuseBlocker,
  stableArgv,
  withoutCacheFlags,
} from "../reuse/inputs-key.js";
import { treeIdentity } from "../reuse/tree-identity.js";
import { checkGuess, lookUpBases, recalledIds } from "./base-lookup.js";
import { withNumericOwner } from "./numeric-owner.js";
import {
  codeContainerfile,
  codeIgnoreFile,
  labelInstruction,
  type SplitContainerfile,
  splitContainerfile,
  wholeContextCopy,
} from "./split.js";

type Env = Readonly<Record<string, string | undefined>>;

/** Files up to this size in the environment's inputs are keyed by content (requirements, scripts). */
const CONTENT_UP_TO = 64 * 1024;

/** The environment image's build, run first unless its tag is already in the store. */
export interface EnvironmentStep {
  /** `bento-env-<bento name>:<key>`: the key covers everything the image is built from. */
  tag: string;
  argv: string[];
  /** The argv as reports show it (the backend's hidden variables as `$NAME`). */
  shownArgv: string[];
  env: Record<string, string>;
  containerfilePath: string;
  /** Where the engine writes the image's id; none for a dry run (its command runs as printed). */
  imageIdFile?: string;
  /** Taken while the image is looked up and built, so concurrent builds build it once. */
  lockPath: string;
  /** Arguments before the engine's binary (`sudo --preserve-env`). */
  prefix: string[];
  /** Build even when the tag exists: the user asked for no cache or a pull. */
  always: boolean;
  /** The command's working directory (the build context). */
  cwd: string;
  /** The image's id when planning's lookup found it in the store. */
  knownId?: string;
  /**
   * Set when planning took the FROM images' ids from memory instead of asking
   * the engine (see `EnvironmentInputs.guess`): the lookup, started at once,
   * resolves to this image's id when the memory holds and the image is in the
   * store, else `undefined`. The code build runs meanwhile.
   */
  guess?: Promise<string | undefined>;
}

/** What the environment split needs from planning. */
export interface EnvironmentInputs {
  builder: OCIBuilder;
  report: HealthReport;
  bentoName: string;
  stem: string;
  containerfile: string;
  contextPath: string;
  /** The user's backend options, with the layout's defaults. */
  options: Readonly<Record<string, unknown>>;
  env: Env;
  creationTime?: string;
  reproducible: boolean;
  secretSpecs: readonly string[];
  secretValues: Readonly<Record<string, string>>;
  runAsRoot: boolean;
  cwd?: string;
  cache: string;
  which(binary: string): string | undefined;
  exists(path: string): boolean;
  cleanups: (() => Promise<void>)[];
  /** The image's labels, for the code build's LABEL instruction. */
  labels: Readonly<Record<string, string>>;
  /** A dry run: the step is planned to be shown, so it gets no image-id file. */
  dryRun?: boolean;
  /**
   * Take the FROM images' ids remembered from the last build instead of waiting
   * for the engine, and check them beside the code build: only for a caller that
   * plans again when they no longer hold (`build()`).
   */
  guess?: boolean;
}

/** A build split in two: the environment step and the code build's Containerfile. */
export interface EnvironmentPlan {
  step: EnvironmentStep;
  /** The code build's Containerfile (FROM the environment image) and where it was written. */
  containerfile: string;
  containerfilePath: string;
  /** Options for the code build: the user's plus the backend's split-build options. */
  codeOptions: Record<string, unknown>;
  /** Whether the labels are in the code Containerfile (else they stay command-line flags). */
  labelsInFile: boolean;
}

/**
 * Plans the environment image of a layered build on a backend that supports
 * it: cuts the Containerfile, resolves the FROM image's id and keys the
 * environment by what needs no hashing (its Containerfile and command, the
 * base image id, small files' contents and large files' identities).
 * `undefined` keeps the single build: the cut is not safe, or the FROM image
 * is not in the local store yet.
 */
export async function planEnvironment(
  inputs: EnvironmentInputs,
): Promise<EnvironmentPlan | undefined> {
  const { builder } = inputs;
  if (!builder.environmentImage || !builder.imageStore) return undefined;
  const entries = (await readdir(inputs.contextPath)).sort();
  const cut = splitContainerfile(inputs.containerfile, entries);
  const split = cut && withNumericOwner(cut, inputs.options);
  const bases = split && fromImages(split.environment);
  if (!split || !bases) return undefined;
  const prefix = inputs.runAsRoot ? ["sudo", "--preserve-env"] : [];

  const containerfilePath = await writeContainerfile(
    inputs.cache,
    `${inputs.stem}-environment`,
    split.environment,
  );
  // Locks of environment builds killed outright, whose keys may never be asked for again.
  sweepStaleLocks(join(inputs.cache, "environments"));
  const imageIdFile = inputs.dryRun ? undefined : await environmentIdFile(inputs);
  const options = withSplitOptions(inputs.options, builder.environmentImage.options);
  const command = (tag: string, idFile = imageIdFile) =>
    planCommand({
      ...inputs,
      options,
      contextPath: inputs.contextPath,
      containerfilePath,
      tags: [tag],
      labels: {},
      imageIdFile: idFile,
    });
  // The key reads the command with an image-id file, as a real run has one (its path is
  // replaced by a placeholder), so a dry run names the tag the build would use.
  const keyedIdFile = imageIdFile ?? join(inputs.cache, "run-dry", "environment-id");
  const draft = command("bento-env:key", keyedIdFile);
  const keyInputs = {
    containerfile: split.environment,
    argv: [
      builder.name,
      ...stableArgv(withoutCacheFlags(draft.argv), {
        iidfile: [keyedIdFile],
        containerfile: [containerfilePath],
        context: [inputs.contextPath],
        secrets: inputs.secretSpecs.map((spec) => spec.replace(/^.*src=/, "")),
      }),
    ],
    env: buildVariables(draft.env, builder.env),
    tree: await treeIdentity(inputs.contextPath, {
      only: split.environmentEntries,
      contentUpTo: CONTENT_UP_TO,
    }),
    secrets: inputs.secretValues,
  };
  const keyFor = (ids: readonly (string | undefined)[]) =>
    inputsKey({
      ...keyInputs,
      extra: Object.fromEntries(bases.map((base, index) => [base, ids[index] ?? ""])),
    });
  const tagFor = (key: string) => `bento-env-${imageName(inputs.bentoName)}:${key.slice(0, 32)}`;
  const access = { builder, env: inputs.env, prefix };
  const remembered =
    inputs.guess && reuseBlocker(draft.argv) === undefined
      ? await recalledIds(inputs.cache, bases)
      : undefined;
  const found = remembered
    ? { ids: remembered, environmentId: undefined }
    : await lookUpBases(access, inputs.cache, bases, (ids) => tagFor(keyFor(ids)));
  if (found.ids.some((id) => id === undefined)) return undefined;
  const key = keyFor(found.ids);
  const tag = tagFor(key);
  const { argv, shownArgv, env } = command(tag);
  const files = await plainFiles(inputs.contextPath, split.codeEntries);
  const whole = await wholeContext(inputs, split, entries);
  const code = codeContainerfile(tag, split, {
    files,
    labels: inputs.labels,
    wholeContext: whole?.chown,
  });
  return {
    step: {
      tag,
      argv,
      shownArgv,
      env,
      containerfilePath,
      imageIdFile,
      lockPath: join(inputs.cache, "environments", `${key}${TRANSIENT_NAMES.lock}`),
      prefix,
      always: reuseBlocker(argv) !== undefined,
      cwd: inputs.contextPath,
      knownId: found.environmentId,
      guess: remembered && checkGuess(access, inputs.cache, bases, remembered, tag),
    },
    containerfile: code,
    containerfilePath: await writeContainerfile(inputs.cache, `${inputs.stem}-code`, code),
    codeOptions: withSplitOptions(
      whole ? withSplitOptions(options, { extraArgs: whole.flags }) : options,
      builder.environmentImage.codeOptions ?? {},
    ),
    labelsInFile: labelInstruction(inputs.labels) !== undefined,
  };
}

/** A file in a new private run directory for the environment image's id, removed after the build. */
async function environmentIdFile(inputs: EnvironmentInputs): Promise<string> {
  const runDir = await makeRunDir(inputs.cache, TRANSIENT_NAMES.runDir);
  inputs.cleanups.push(() => rm(runDir, { recursive: true, force: true }));
  return join(runDir, "environment-id");
}

/**
 * One COPY of the whole context for the code build, when the backend takes an
 * ignore file and the user gave none: the owner flag for the COPY and the
 * build flags naming the ignore file that leaves only the code entries.
 */
async function wholeContext(
  inputs: EnvironmentInputs,
  split: SplitContainerfile,
  entries: readonly string[],
): Promise<{ chown: string; flags: string[] } | undefined> {
  const flag = inputs.builder.environmentImage?.ignoreFileFlag;
  const extra = inputs.options.extraArgs;
  const ownIgnore =
    inputs.options.ignorefile !== undefined ||
    (Array.isArray(extra) && extra.some((arg) => String(arg).startsWith(flag ?? "\0")));
  const chown = wholeContextCopy(split);
  const ignore = codeIgnoreFile(entries, split);
  if (!flag || ownIgnore || !chown || ignore === undefined) return undefined;
  const path = await writeContainerfile(inputs.cache, `${inputs.stem}-code`, ignore, ".ignore");
  return { chown, flags: [flag, path] };
}

/** The code entries that are regular files. */
async function plainFiles(dir: string, names: readonly string[]): Promise<Set<string>> {
  const kinds = await Promise.all(names.map((name) => lstat(join(dir, name))));
  return new Set(names.filter((_, index) => kinds[index]?.isFile()));
}

/** The user's options with the backend's split-build options; `extraArgs` lists are joined. */
function withSplitOptions(
  own: Readonly<Record<string, unknown>>,
  code: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const extra = [own.extraArgs ?? [], code.extraArgs ?? []].flat();
  return { ...own, ...code, ...(extra.length ? { extraArgs: extra } : {}) };
}

/** A bento name as an image repository name: lower case, other characters as `-`. */
function imageName(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9_.-]+/g, "-")
      .replace(/^[^a-z0-9]+/, "") || "bento"
  );
}
