import { existsSync } from "node:fs";
import { readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import type { OCIBuilder } from "../backend/contract.js";
import { validateOptions } from "../backend/validate-options.js";
import { type ResolvedBento, resolveBento } from "../bento/reference.js";
import { allModels } from "../bento/schema.js";
import { generateContainerfile } from "../containerfile/generate.js";
import { cacheDir, ensurePrivateCacheDir } from "../context/cache-dir.js";
import type { DownloadProgress } from "../context/hf-download/download.js";
import { type ModelNeed, modelExtras } from "../context/models.js";
import { makeRunDir } from "../context/run-dir.js";
import { prepareSecretFiles } from "../context/secrets.js";
import { type StagedContext, stageContext } from "../context/stage.js";
import { TRANSIENT_NAMES } from "../context/transient-names.js";
import { planEnvironment } from "../environment/plan-environment.js";
import { validateImageTag } from "../image-tag.js";
import { which } from "../process/which.js";
import { planReuse } from "../reuse/shortcut.js";
import { bentomlHome } from "../store/home.js";
import { checkCapabilities } from "./capability-check.js";
import { checkOptionsEarly } from "./check-options.js";
import { type CommandPlan, planCommand } from "./command.js";
import { writeContainerfile } from "./containerfile-file.js";
import { imageLabels } from "./labels.js";
import { useMountSyntax } from "./mount-syntax.js";
import { dropProgressWithoutBuildkit } from "./progress-option.js";
import { buildStageSecrets } from "./secrets.js";
import { type SelectedBackend, selectBackend } from "./select-backend.js";
import { splitOptions } from "./split-options.js";
import type {
  BuildEvent,
  BuildOptions,
  BuildPlan,
  CommonBuildOptions,
  RuntimeBuildOptions,
} from "./types.js";

type Env = Readonly<Record<string, string | undefined>>;

/** What every planning step shares. */
interface Planning {
  common: CommonBuildOptions;
  userOptions: Record<string, unknown>;
  env: Env;
  cache: string;
  emit(event: BuildEvent): void;
  onWarning(message: string): void;
  warnings: string[];
  cleanups: (() => Promise<void>)[];
  startedAt: number;
  /** The backend whose table the options already passed (see `checkOptionsEarly`). */
  checkedFor?: OCIBuilder;
  /** See `EnvironmentInputs.guess`. */
  guess: boolean;
}

/**
 * Decides a build without running it: resolves the bento, checks the backend's
 * health and capabilities, stages the context without copying, writes the
 * Containerfile outside the bento and constructs the command. Secrets are
 * given files but not written. On failure, what planning made is removed.
 */
export function planBuild(
  ref: string,
  options: BuildOptions | RuntimeBuildOptions = {},
): Promise<BuildPlan> {
  return planGuessing(ref, options, false);
}

/**
 * {@link planBuild}; with `guess`, the environment image is named from the FROM
 * images' ids remembered from the last build and checked beside the code build
 * (`BuildPlan.environment.guess`): for `build()`, which plans again without it
 * when the check fails.
 */
export async function planGuessing(
  ref: string,
  options: BuildOptions | RuntimeBuildOptions,
  guess: boolean,
): Promise<BuildPlan> {
  const startedAt = Date.now();
  const { common, backend: userOptions } = splitOptions(options);
  const env = common.env ?? process.env;
  const warnings: string[] = [];
  const emit = (event: BuildEvent) => {
    if (event.type === "warning") warnings.push(event.message);
    common.onEvent?.(event);
  };
  const onWarning = (message: string) => emit({ type: "warning", message });
  const cache = cacheDir(env);
  ensurePrivateCacheDir(cache);
  const cleanups: (() => Promise<void>)[] = [];
  const planning = { common, userOptions, env, cache, emit, onWarning, warnings, cleanups, guess };
  // The health check mostly waits for the engine's CLI: it starts first, and the bento is
  // resolved and its context staged meanwhile. A bento error still comes first, then a
  // health failure; everything settles before planBuild() returns.
  const backend = common.backend ?? env.BENTOML_CONTAINERIZE_BACKEND ?? "auto";
  const selecting = selectBackend(backend, { env, purpose: "build" }, cache, {
    dryRun: common.dryRun === true,
  });
  selecting.catch(ignore);
  cleanups.push(() => selecting.then(ignore, ignore));
  try {
    // Bad options are refused first, before the bento is read or the engine answers.
    const checkedFor = checkOptionsEarly(backend, userOptions, env);
    return await planWith(ref, selecting, { ...planning, startedAt, checkedFor });
  } catch (error) {
    await runCleanups(cleanups);
    throw error;
  }
}

/** Runs a plan's cleanups, last made first; a failing one does not stop the others. */
export async function runCleanups(cleanups: readonly (() => Promise<void>)[]): Promise<void> {
  for (const cleanup of [...cleanups].reverse()) await cleanup().catch(ignore);
}

async function planWith(
  ref: string,
  selecting: Promise<SelectedBackend>,
  planning: Planning,
): Promise<BuildPlan> {
  const { common, env, cache, emit, onWarning, cleanups } = planning;
  const bento = await resolveBento(ref, { cwd: common.cwd, env, onWarning, cache });
  cleanups.push(bento.dispose);
  const { name, version } = bento.config;
  emit({ type: "bento", tag: `${name}:${version}`, dir: bento.dir });
  const tags = imageTags(common.imageTag, `${name}:${version}`);
  const staging = stageBento(bento, {
    env,
    cache,
    onWarning,
    dryRun: common.dryRun === true,
    signal: common.signal,
    onDownload: (progress) => emit({ type: "download", ...progress }),
  });
  staging.catch(ignore);
  // The context's tree stays this build's until the engine has exited (it reads the tree until then).
  cleanups.push(() => staging.then((context) => context.release(), ignore));
  const selected = await selecting;
  if (selected.warning !== undefined) onWarning(selected.warning);
  const secretValues = checkRequest(bento, selected, planning);

  const context = await staging;
  const { linked, copied, reused, durationMs } = context;
  emit({ type: "context", dir: context.dir, linked, copied, reused, durationMs });
  const rendered = await renderContainerfile(bento, context, selected, planning);
  const containerfile = selected.builder.adaptContainerfile?.(rendered) ?? rendered;
  const containerfilePath = await writeContainerfile(cache, `${name}-${version}`, containerfile);
  emit({ type: "containerfile", path: containerfilePath });
  await selected.remember();

  const plan = await completePlan(
    { bento, selected, tags, context, containerfile, containerfilePath, secretValues },
    planning,
  );
  // Only a build that got this far keeps the parsed bento.yaml: bad input leaves no cache file.
  if (!plan.dryRun) await bento.keep();
  return plan;
}

/** What planning found before the command is decided. */
interface Findings {
  bento: ResolvedBento;
  selected: SelectedBackend;
  tags: string[];
  context: StagedContext;
  containerfile: string;
  containerfilePath: string;
  secretValues: Record<string, string>;
}

/** Gives the secrets and the image id their files and decides the command. */
async function completePlan(found: Findings, planning: Planning): Promise<BuildPlan> {
  const { common, onWarning } = planning;
  const { bento, tags, context } = found;
  const { builder } = found.selected;
  const { secrets, imageIdFile } = await prepareFiles(builder, found.secretValues, planning);
  const layered = (common.layout ?? "layered") === "layered";
  const options = { ...(layered ? builder.layeredDefaults : {}), ...planning.userOptions };
  const shared = sharedInputs(found, planning);
  const labels = imageLabels(labelSource(bento), common.labels);
  const split =
    layered && common.environmentImage !== false
      ? await planEnvironment({
          ...shared,
          ...environmentInputs(found, planning, secrets.specs),
          options,
          labels,
          dryRun: common.dryRun === true,
          guess: planning.guess && common.dryRun !== true,
        })
      : undefined;
  const containerfile = split?.containerfile ?? found.containerfile;
  const containerfilePath = split?.containerfilePath ?? found.containerfilePath;
  const command = planCommand({
    ...shared,
    options: split?.codeOptions ?? options,
    containerfilePath,
    tags,
    // Labels in the code Containerfile's one LABEL spare podman and buildah the extra
    // commit step `--label` costs them: https://github.com/containers/buildah/issues/3370
    labels: split?.labelsInFile ? {} : labels,
    // The code build runs no RUN step: the environment build has the secrets and build arguments.
    secretSpecs: split ? [] : secrets.specs,
    buildArgs: !split,
    imageIdFile,
  });
  for (const warning of command.warnings) onWarning(warning);
  const reuse =
    common.dryRun === true
      ? undefined
      : await planReuse({
          builder,
          argv: command.argv,
          env: command.env,
          containerfile,
          contextPath: context.dir,
          contextIdentity: context.identity,
          volatile: volatileParts(tags, imageIdFile, secrets.dir, containerfilePath, context.dir),
          secretValues: found.secretValues,
          cache: planning.cache,
        });
  const files = { containerfile, containerfilePath, imageIdFile, secrets: secrets.files };
  return assemblePlan(found, planning, command, { ...files, reuse, environment: split?.step });
}

/** The plan's value from what planning found and decided. */
function assemblePlan(
  found: Findings,
  planning: Planning,
  command: CommandPlan,
  parts: Pick<
    BuildPlan,
    "containerfile" | "containerfilePath" | "imageIdFile" | "secrets" | "reuse" | "environment"
  >,
): BuildPlan {
  const { common, env } = planning;
  return {
    backend: found.selected.builder,
    report: found.selected.report,
    tags: found.tags,
    argv: command.argv,
    shownArgv: command.shownArgv,
    env: command.env,
    loader: command.loader,
    ...parts,
    contextPath: found.context.dir,
    reproducible: command.reproducible,
    warnings: planning.warnings,
    dryRun: common.dryRun === true,
    userEnv: env,
    startedAt: planning.startedAt,
    cleanups: planning.cleanups,
  };
}

/** What the environment build's plan takes from the findings besides the shared inputs. */
function environmentInputs(found: Findings, planning: Planning, secretSpecs: string[]) {
  const { name, version } = found.bento.config;
  return {
    bentoName: name,
    stem: `${name}-${version}`,
    containerfile: found.containerfile,
    secretSpecs,
    secretValues: found.secretValues,
    cache: planning.cache,
    cleanups: planning.cleanups,
  };
}

/** What the environment step and the build's command are both decided from. */
function sharedInputs(found: Findings, { common, env }: Planning) {
  return {
    builder: found.selected.builder,
    report: found.selected.report,
    env,
    contextPath: found.context.dir,
    cwd: common.cwd,
    creationTime: found.bento.config.creation_time,
    reproducible: common.reproducible ?? true,
    runAsRoot: common.runAsRoot === true,
    which: (binary: string) => which(binary, env),
    exists: (path: string) => existsSync(path),
  };
}

/** The argv parts that differ between identical builds, which the reuse key leaves out. */
function volatileParts(
  tags: string[],
  imageIdFile: string | undefined,
  secretsDir: string | undefined,
  containerfilePath: string,
  contextDir: string,
) {
  return {
    tag: tags,
    iidfile: imageIdFile ? [imageIdFile] : [],
    secrets: secretsDir ? [secretsDir] : [],
    containerfile: [containerfilePath],
    context: [contextDir],
  };
}

/**
 * Refuses, before any file is written, options the backend does not know and
 * needs it cannot serve; returns the build-stage secrets' values.
 */
function checkRequest(
  bento: ResolvedBento,
  { builder, report, recalled }: SelectedBackend,
  { userOptions, env, emit, onWarning, checkedFor }: Planning,
): Record<string, string> {
  emit({ type: "health", report, recalled });
  dropProgressWithoutBuildkit(builder, env, userOptions, onWarning);
  if (checkedFor !== builder) validateOptions(builder.name, builder.options, userOptions);
  const secretValues = buildStageSecrets(bento.config, env, onWarning);
  checkCapabilities(
    builder,
    report.version,
    { secrets: Object.keys(secretValues).length, options: userOptions },
    report.withheld,
  );
  return secretValues;
}

/** The Containerfile for this bento, backend and staged context. */
async function renderContainerfile(
  bento: ResolvedBento,
  context: StagedContext,
  { builder, report }: SelectedBackend,
  { common, env, cache, onWarning }: Planning,
): Promise<string> {
  const layout = common.layout ?? "layered";
  return generateContainerfile(
    { dir: bento.dir, config: bento.config },
    {
      layout,
      enableBuildkit: useMountSyntax(builder, report.version, layout, env),
      features: common.features,
      baseImage: common.baseImage,
      frontend: common.frontend,
      contextEntries: (await readdir(context.dir)).sort(),
      renderCache: join(cache, "containerfiles", "rendered"),
      onWarning,
    },
  );
}

/** The secrets' private files (not written yet) and the image-id file's path. */
async function prepareFiles(
  builder: SelectedBackend["builder"],
  secretValues: Record<string, string>,
  { common, userOptions, cache, cleanups, onWarning }: Planning,
) {
  const secrets = await prepareSecretFiles(secretValues);
  cleanups.push(secrets.dispose);
  const dryRun = common.dryRun === true;
  const idOption = builder.imageId?.option;
  const idFile = idOption
    ? await imageIdFile(userOptions[idOption], dryRun, cache, cleanups)
    : undefined;
  if (dryRun && secrets.specs.length > 0) {
    onWarning(
      "Dry run: the build-secret files named in the printed command are removed again; write each secret to its file before running it.",
    );
  }
  return { secrets, imageIdFile: idFile };
}

/**
 * Where the backend writes the image id: the user's own path, else a file in a
 * private run directory. A dry run gets none, so its printed command runs as is.
 */
async function imageIdFile(
  own: unknown,
  dryRun: boolean,
  cache: string,
  cleanups: (() => Promise<void>)[],
): Promise<string | undefined> {
  if (own !== undefined) return String(own);
  if (dryRun) return undefined;
  const runDir = await makeRunDir(cache, TRANSIENT_NAMES.runDir);
  cleanups.push(() => rm(runDir, { recursive: true, force: true }));
  return join(runDir, "image-id");
}

function ignore(): void {}

/** The bento's models found in the stores and its build context staged. */
async function stageBento(
  bento: ResolvedBento,
  where: {
    env: Env;
    cache: string;
    dryRun: boolean;
    signal?: AbortSignal;
    onWarning(message: string): void;
    onDownload(progress: DownloadProgress): void;
  },
): Promise<StagedContext> {
  const extras = await modelExtras(modelNeeds(bento), {
    bentoDir: bento.dir,
    home: bentomlHome(where.env),
    env: where.env,
    cacheRoot: where.cache,
    dryRun: where.dryRun,
    signal: where.signal,
    onWarning: where.onWarning,
    onDownload: where.onDownload,
  });
  const { name, version } = bento.config;
  const context = await stageContext({
    bentoDir: bento.dir,
    extras,
    key: `${name}-${version}`,
    cacheRoot: where.cache,
  });
  if (context.warning) where.onWarning(context.warning);
  return context;
}

function imageTags(option: string | readonly string[] | undefined, bentoTag: string): string[] {
  const tags = option === undefined ? [] : typeof option === "string" ? [option] : [...option];
  return (tags.length ? tags : [bentoTag]).map(validateImageTag);
}

function modelNeeds(bento: ResolvedBento): ModelNeed[] {
  return allModels(bento.config).map((model) =>
    model.registry === "huggingface" && model.huggingface
      ? { registry: "huggingface", source: model.huggingface }
      : { registry: "bentoml", name: model.tag.name, version: model.tag.version },
  );
}

function labelSource(bento: ResolvedBento) {
  const { name, version, creation_time, labels } = bento.config;
  return {
    name,
    version,
    creationTime: creation_time,
    source: labels["org.opencontainers.image.source"],
  };
}
