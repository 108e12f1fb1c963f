import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { backendEnv } from "../backend/env.js";
import { validateOptions } from "../backend/validate-options.js";
import { type ResolvedBento, resolveBento } from "../bento/reference.js";
import { allModels } from "../bento/schema.js";
import { generateContainerfile } from "../containerfile/generate.js";
import { cacheDir } from "../context/cache-dir.js";
import { type ModelNeed, modelExtras } from "../context/models.js";
import { writeSecretFiles } from "../context/secrets.js";
import { type StagedContext, stageContext } from "../context/stage.js";
import { validateImageTag } from "../image-tag.js";
import { createStepTracker } from "../process/progress.js";
import { runBuildProcess } from "../process/run-build.js";
import { which } from "../process/which.js";
import { bentomlHome } from "../store/home.js";
import { withLabels, withSecrets } from "./backend-inputs.js";
import { checkCapabilities } from "./capability-check.js";
import { writeContainerfile } from "./containerfile-file.js";
import { explainFailure } from "./explain-failure.js";
import { imageLabels } from "./labels.js";
import { useMountSyntax } from "./mount-syntax.js";
import { reproduciblePlan } from "./reproducible.js";
import { buildStageSecrets } from "./secrets.js";
import { selectBackend } from "./select-backend.js";
import { splitOptions } from "./split-options.js";
import type { BuildEvent, BuildOptions, BuildResult } from "./types.js";

/**
 * Builds an OCI image from a bento: resolves it, checks the backend's health
 * and capabilities, stages the context without copying, writes the
 * Containerfile outside the bento, runs the backend and returns what it made.
 */
export async function build(ref: string, options: BuildOptions = {}): Promise<BuildResult> {
  const started = Date.now();
  const { common, backend: userOptions } = splitOptions(options);
  const env = common.env ?? process.env;
  const layout = common.layout ?? "layered";
  const warnings: string[] = [];
  const emit = (event: BuildEvent) => {
    if (event.type === "warning") warnings.push(event.message);
    common.onEvent?.(event);
  };
  const onWarning = (message: string) => emit({ type: "warning", message });
  const onPath = (binary: string) => which(binary, env);
  const cache = cacheDir(env);
  const cleanups: (() => Promise<void>)[] = [];
  // The health check mostly waits for the engine's CLI: it starts first, and the bento is
  // resolved and its context staged meanwhile. A bento error still comes first, then a
  // health failure; everything settles before build() returns.
  const selecting = selectBackend(
    common.backend ?? env.BENTOML_CONTAINERIZE_BACKEND ?? "auto",
    { env, purpose: "build" },
    cache,
  );
  selecting.catch(ignore);
  cleanups.push(() => selecting.then(ignore, ignore));
  try {
    const bento = await resolveBento(ref, { cwd: common.cwd, env, onWarning });
    cleanups.push(bento.dispose);
    const { name, version, creation_time } = bento.config;
    emit({ type: "bento", tag: `${name}:${version}`, dir: bento.dir });
    const tags = imageTags(common.imageTag, `${name}:${version}`);

    const staging = stageBento(bento, { env, cache, onWarning });
    staging.catch(ignore);
    cleanups.push(() => staging.then(ignore, ignore));
    const { builder, report, recalled, remember } = await selecting;
    emit({ type: "health", report, recalled });
    validateOptions(builder.name, builder.options, userOptions);
    const secretValues = buildStageSecrets(bento.config, env, onWarning);
    checkCapabilities(builder, report.version, {
      secrets: Object.keys(secretValues).length,
      options: userOptions,
    });
    const reproducible = reproduciblePlan(
      builder,
      report.version,
      creation_time,
      userOptions,
      common.reproducible ?? true,
    );

    const context = await staging;
    const { linked, copied, reused, durationMs } = context;
    emit({ type: "context", dir: context.dir, linked, copied, reused, durationMs });

    const containerfile = await generateContainerfile(
      { dir: bento.dir, config: bento.config },
      {
        layout,
        enableBuildkit: useMountSyntax(builder, report.version, layout, env),
        features: common.features,
        baseImage: common.baseImage,
        frontend: common.frontend,
        contextEntries: (await readdir(context.dir)).sort(),
        renderCache: join(cache, "containerfiles", "rendered"),
      },
    );
    const containerfilePath = await writeContainerfile(cache, `${name}-${version}`, containerfile);
    emit({ type: "containerfile", path: containerfilePath });
    await remember();

    const secrets = await writeSecretFiles(secretValues);
    cleanups.push(secrets.dispose);
    const idOption = builder.imageId?.option;
    const idFile = idOption
      ? await imageIdFile(userOptions[idOption], common.dryRun === true, cache, cleanups)
      : undefined;
    if (common.dryRun && secrets.specs.length > 0) {
      onWarning(
        "Dry run: the build-secret files named in the printed command are removed again; write each secret to its file before running it.",
      );
    }

    const invocation = {
      contextPath: context.dir,
      tag: tags,
      cwd: common.cwd,
      which: onPath,
      version: report.version,
    };
    const backendOptions = {
      ...userOptions,
      ...reproducible.options,
      ...withSecrets(builder, userOptions, secrets.specs),
      ...withLabels(
        builder,
        userOptions,
        imageLabels(labelSource(bento), common.labels),
        onWarning,
      ),
      ...(idOption && idFile ? { [idOption]: idFile } : {}),
    };
    const args = builder.constructBuildArgs({
      ...backendOptions,
      ...invocation,
      file: containerfilePath,
      warn: onWarning,
    });
    const buildEnv = { ...backendEnv(builder, env), ...reproducible.env };
    // Under sudo the engine reads root's settings, not these: the backend's own command stays.
    const sudo = common.runAsRoot ? ["sudo", "--preserve-env"] : [];
    const command =
      (!common.runAsRoot && builder.buildCommandFor?.({ env: buildEnv, report, args })) ||
      builder.buildCommand;
    const argv = [...sudo, builder.binary, ...command, ...args];
    const loader = builder.loadCommand?.({ ...backendOptions, ...invocation });
    const result = (output: string, imageId?: string): BuildResult => ({
      imageId,
      tags,
      backend: builder.name,
      argv,
      containerfile,
      containerfilePath,
      contextPath: context.dir,
      durationMs: Date.now() - started,
      output,
      reproducible: { applied: reproducible.applied, reason: reproducible.reason },
      warnings,
      dryRun: common.dryRun === true,
    });
    if (common.dryRun) return result("");

    emit({ type: "command", argv });
    const track = createStepTracker();
    const { output } = await runBuildProcess(argv, {
      env: buildEnv,
      cwd: context.dir,
      signal: common.signal,
      loader: loader ? [...sudo, ...loader] : undefined,
      onLine: (stream, line) => {
        emit({ type: "log", stream, line });
        const step = track(line);
        if (step) emit({ type: "step", ...step });
      },
    }).catch((error: unknown) => explainFailure(error, builder, env));
    const idText = idFile ? await readFile(idFile, "utf8").catch(() => "") : "";
    return result(output, builder.imageId?.parse(idText));
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  }
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
  const runDir = await mkdtemp(join(cache, "run-"));
  cleanups.push(() => rm(runDir, { recursive: true, force: true }));
  return join(runDir, "image-id");
}

function ignore(): void {}

/** The bento's models found in the stores and its build context staged. */
async function stageBento(
  bento: ResolvedBento,
  where: {
    env: Readonly<Record<string, string | undefined>>;
    cache: string;
    onWarning(message: string): void;
  },
): Promise<StagedContext> {
  const extras = await modelExtras(modelNeeds(bento), {
    bentoDir: bento.dir,
    home: bentomlHome(where.env),
    env: where.env,
    onWarning: where.onWarning,
  });
  const { name, version } = bento.config;
  return stageContext({
    bentoDir: bento.dir,
    extras,
    key: `${name}-${version}`,
    cacheRoot: where.cache,
  });
}

function imageTags(option: string | readonly string[] | undefined, bentoTag: string): string[] {
  const tags = option === undefined ? [] : typeof option === "string" ? [option] : [...option];
  return (tags.length ? tags : [bentoTag]).map(validateImageTag);
}

function modelNeeds(bento: ResolvedBento): ModelNeed[] {
  return allModels(bento.config).map((model) =>
    model.registry === "huggingface" && model.huggingface
      ? { registry: "huggingface", modelId: model.huggingface.model_id }
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
