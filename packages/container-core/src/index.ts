export {
  CAPABILITIES,
  type Capability,
  type CapabilitySupport,
  type CapabilityTable,
} from "./backend/capabilities.js";
export type {
  BackendSpec,
  BuildArgsInput,
  BuildInvocation,
  HealthContext,
  HealthReport,
  ImageIdSource,
  OCIBuilder,
} from "./backend/contract.js";
export { DEFAULT_HEALTH_TIMEOUT_MS, defineBackend, healthContext } from "./backend/define.js";
export { backendEnv, usesBuildkit } from "./backend/env.js";
export { absolutePath, type FlagContext, flagArgs, optionArgs } from "./backend/flags.js";
export { camelCase, kebabCase } from "./backend/kebab.js";
export { nearest } from "./backend/nearest.js";
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
export { validateOptions } from "./backend/validate-options.js";
export { parseVersion, versionAtLeast } from "./backend/version.js";
export * from "./errors.js";
export {
  type CommandRunner,
  type RunOptions,
  type RunResult,
  runCommand,
} from "./process/runner.js";
export { which } from "./process/which.js";
