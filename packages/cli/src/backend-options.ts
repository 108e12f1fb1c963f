import {
  AUTO_ORDER,
  BUILD_OPTION_KEYS,
  type BuildOptionKey,
  getBackend,
  kebabCase,
  type OCIBuilder,
  type OptionTable,
} from "@bento/container-core";
import { type OptEntry, optsToOptions, specLookup } from "./opt-grammar.js";
import { UsageError } from "./usage-error.js";

/**
 * The flag that sets each of `build()`'s own keys (core's `BUILD_OPTION_KEYS`);
 * an `--opt` with one of those keys would silently change the build.
 */
const FLAG_OF: Partial<Record<BuildOptionKey, string>> = {
  backend: "--backend",
  imageTag: "-t/--image-tag",
  features: "--enable-features",
  layout: "--layout",
  environmentImage: "--no-environment-image",
  baseImage: "--base-image",
  frontend: "--frontend or --no-frontend",
  labels: "--no-labels",
  reproducible: "--no-reproducible",
  runAsRoot: "--run-as-root",
  dryRun: "--dry-run",
  env: "--opt build-env=KEY=VALUE (podman's and buildah's --env)",
};

const BUILD_KEYS: ReadonlySet<string> = new Set(BUILD_OPTION_KEYS);

/**
 * The backend options of `--opt` entries (and the direct flags'), converted to the kinds of the
 * named backend's table (for `auto`, of the first backend that has the key). An entry naming
 * one of `build()`'s own keys is refused, pointing at its flag; everything else is checked by
 * `build()` (see `inOptSpelling` for its errors in `--opt` spelling).
 */
export function backendOptions(
  backend: string,
  entries: readonly OptEntry[],
  builders: readonly OCIBuilder[],
): Record<string, unknown> {
  const named = backend === "auto" ? undefined : builders.find((b) => b.name === backend);
  if (backend !== "auto" && named === undefined) getBackend(backend);
  const tables = named ? [named.options] : autoOrder(builders).map((builder) => builder.options);
  const options = optsToOptions(entries, specLookup(tables), backend, flagAlias(tables));
  for (const key of Object.keys(options)) {
    if (BUILD_KEYS.has(key)) throw reservedKey(key as BuildOptionKey);
  }
  return options;
}

/**
 * `--opt NAME` for an option whose flag is NAME under another key, as BentoML
 * passes `--opt env=K=V` to podman's and buildah's `--env` (our `buildEnv`,
 * since `build()` takes `env` as the process environment).
 */
function flagAlias(tables: readonly OptionTable[]): (key: string) => string {
  return (key) => {
    if (tables.some((table) => Object.hasOwn(table, key))) return key;
    for (const table of tables) {
      const found = Object.entries(table).find(([, spec]) => spec.flag === kebabCase(key));
      if (found) return found[0];
    }
    return key;
  };
}

function autoOrder(builders: readonly OCIBuilder[]): OCIBuilder[] {
  const rank = (builder: OCIBuilder) => {
    const index = (AUTO_ORDER as readonly string[]).indexOf(builder.name);
    return index === -1 ? AUTO_ORDER.length : index;
  };
  return [...builders].sort((a, b) => rank(a) - rank(b));
}

function reservedKey(key: BuildOptionKey): UsageError {
  const flag = FLAG_OF[key];
  return new UsageError(
    `--opt ${kebabCase(key)} is not a backend option: bento reads "${key}" itself.`,
    {
      hint: flag
        ? `Use ${flag} of bento containerize instead.`
        : `Pass the backend's own flag raw instead: --opt extra-args=--${kebabCase(key)}=VALUE.`,
    },
  );
}
