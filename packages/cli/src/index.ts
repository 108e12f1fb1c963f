export { DIRECT_FLAGS } from "./deprecated-flags.js";
export { main } from "./main.js";
export {
  collectOpts,
  directFlagEntries,
  type OptEntry,
  optsToOptions,
  parseOpt,
  specLookup,
} from "./opt-grammar.js";
export { pluginNames, resolvePlugin } from "./plugins.js";
export { errorExitCode, errorJson, formatError } from "./render/errors.js";
export { type BuildResultJson, buildResultJson } from "./render/json.js";
export { eventLine, progressMode, statusLine } from "./render/progress.js";
export { renderTable } from "./render/table.js";
export { UsageError } from "./usage-error.js";
