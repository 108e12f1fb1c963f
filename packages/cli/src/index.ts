export { DIRECT_FLAGS, directFlagOpts } from "./aliases.js";
export { main } from "./main.js";
export { collectOpts, type OptEntry, optsToOptions, parseOpt, specLookup } from "./opt-grammar.js";
export { pluginNames, resolvePlugin } from "./plugins.js";
export { errorExitCode, errorJson, formatError } from "./render/errors.js";
export { type BuildResultJson, buildResultJson } from "./render/json.js";
export { eventLine, progressMode, statusLine } from "./render/progress.js";
export { renderTable } from "./render/table.js";
export { UsageError } from "./usage-error.js";
