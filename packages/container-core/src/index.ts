export { type BuildArgsSource, standardBuildArgs } from "./backend/build-args.js";
export {
  CAPABILITIES,
  type Capability,
  type CapabilitySupport,
  type CapabilityTable,
  isSupported,
  liveCapabilities,
} from "./backend/capabilities.js";
export { containersBuildOptions } from "./backend/containers-build-options.js";
export type {
  BackendSpec,
  BuildArgsInput,
  BuildCommandContext,
  BuildInvocation,
  EnvironmentImageSupport,
  HealthContext,
  HealthPurpose,
  HealthReport,
  ImageIdSource,
  ImageStoreCommands,
  OCIBuilder,
} from "./backend/contract.js";
export { defineBackend, healthContext } from "./backend/define.js";
export { backendEnv, usesBuildkit } from "./backend/env.js";
export { fileIdentity } from "./backend/fingerprint.js";
export { absolutePath, type FlagContext, optionArgs } from "./backend/flags.js";
export {
  type BinaryCheck,
  binaryVersionReport,
  buildkitClientReport,
  findVersion,
  outputTail,
  probe,
  probeFailure,
} from "./backend/health-probe.js";
export { parseIidfile } from "./backend/image-id.js";
export { camelCase, kebabCase } from "./backend/kebab.js";
export type {
  BooleanOption,
  CommonBackendOptions,
  CsvOption,
  ListOption,
  NumberOption,
  OptionSpec,
  OptionsOf,
  OptionTable,
  OptionValue,
  PairsOption,
  StringOption,
  Triple,
  TupleOption,
  UlimitOption,
} from "./backend/option-table.js";
export type { BackendName, BackendOptionsMap } from "./backend/options-map.js";
export {
  diagnose,
  ensureBackend,
  getBackend,
  hasBackend,
  health,
  listBackends,
  registerBackend,
  unregisterBackend,
} from "./backend/registry.js";
export { withRewriteTimestamp } from "./backend/rewrite-timestamp.js";
export { validateOptions } from "./backend/validate-options.js";
export { versionAtLeast } from "./backend/version.js";
export { type BentoListing, listBentos } from "./bento/list.js";
export { loadBentoConfig } from "./bento/load-config.js";
export {
  type BentoOrigin,
  type ResolveBentoOptions,
  type ResolvedBento,
  resolveBento,
} from "./bento/reference.js";
export type {
  BentoConfig,
  BentoConfigBase,
  BentoConfigV1,
  BentoConfigV2,
  BentoDockerSection,
  BentoEnv,
  BentoModel,
  BentoService,
  CondaDependency,
  CondaOptions,
  EnvStage,
  HuggingFaceSource,
  ImageOptions,
  ModelRegistry,
  ModelTag,
} from "./bento/schema.js";
export type { Layout } from "./containerfile/copy-entries.js";
export {
  type GetContainerfileOptions,
  getContainerfile,
} from "./containerfile/get-containerfile.js";
export type { DownloadProgress } from "./context/hf-download/download.js";
export { type CoreCopy, loadedCores } from "./core-copies.js";
export * from "./errors.js";
export { build } from "./orchestrate/build.js";
export { planBuild } from "./orchestrate/plan.js";
export { runPlan } from "./orchestrate/run.js";
export { AUTO_ORDER } from "./orchestrate/select-backend.js";
export { BUILD_OPTION_KEYS, type BuildOptionKey } from "./orchestrate/split-options.js";
export type {
  AutoBuildOptions,
  BackendBuildOptions,
  BuildEvent,
  BuildOptions,
  BuildPlan,
  BuildResult,
  CommonBuildOptions,
  EnvironmentBuild,
  RunPlanOptions,
  RuntimeBuildOptions,
} from "./orchestrate/types.js";
export { formatArgv } from "./process/format-argv.js";
export type { StepProgress } from "./process/progress.js";
export type { CommandRunner, RunOptions, RunResult } from "./process/runner.js";
export { shownArgv } from "./process/shown-argv.js";
export { which } from "./process/which.js";
export { cliImageStore } from "./reuse/cli-image-store.js";
export { type TreeIdentityOptions, treeIdentity } from "./reuse/tree-identity.js";
export { bentomlHome } from "./store/home.js";
