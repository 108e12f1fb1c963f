import type { OCIBuilder } from "../backend/contract.js";
import { getBackend, hasBackend, listBackends } from "../backend/registry.js";
import { unknownOptionError, validateOptions } from "../backend/validate-options.js";
import { dropProgressWithoutBuildkit } from "./progress-option.js";

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The backend options' check, made before anything is read or run. A named
 * backend's options are checked against its table in full (a `progress` it
 * drops is left out: {@link dropProgressWithoutBuildkit} warns about it later);
 * for `auto`, each key must belong to some registered backend, and the chosen
 * backend's table is checked once it is chosen. Returns the backend whose
 * table the options passed, or `undefined` when that check is still to come.
 */
export function checkOptionsEarly(
  backend: string,
  options: Readonly<Record<string, unknown>>,
  env: Env,
): OCIBuilder | undefined {
  if (backend !== "auto") {
    if (!hasBackend(backend)) return undefined;
    const builder = getBackend(backend);
    const kept = { ...options };
    dropProgressWithoutBuildkit(builder, env, kept, () => {});
    validateOptions(builder.name, builder.options, kept);
    return builder;
  }
  const tables = listBackends().map((builder) => builder.options);
  for (const key of Object.keys(options)) {
    if (key === "extraArgs" || key === "progress" || options[key] === undefined) continue;
    if (!tables.some((table) => Object.hasOwn(table, key))) {
      throw unknownOptionError(key, new Set(tables.flatMap((table) => Object.keys(table))));
    }
  }
  return undefined;
}
