import { versionAtLeast } from "./version.js";

/**
 * BuildKit 0.13 added `rewrite-timestamp` to its image exporters: with it, files
 * in the layers get SOURCE_DATE_EPOCH as their time, so two builds give one
 * digest; before, SOURCE_DATE_EPOCH pinned only the config and history times.
 * https://github.com/moby/buildkit/blob/v0.13.0/docs/build-repro.md
 */
export const REWRITE_TIMESTAMP_SINCE = "0.13";

const IMAGE_EXPORTERS = new Set(["image", "docker", "oci"]);

/** An `--output` value, as the option table accepts it. */
type Output = string | readonly string[] | Readonly<Record<string, unknown>>;

/**
 * The output with `rewrite-timestamp=true` added to each image exporter, when
 * the build pins SOURCE_DATE_EPOCH and the daemon's BuildKit has the attribute.
 * A user's own `rewrite-timestamp` stays.
 */
export function withRewriteTimestamp(
  output: Output | undefined,
  buildArg: unknown,
  version: string | undefined,
): Output | undefined {
  if (output === undefined || !pinsEpoch(buildArg)) return output;
  if (!versionAtLeast(version, REWRITE_TIMESTAMP_SINCE)) return output;
  if (typeof output === "string") return rewriteCsv(output);
  if (Array.isArray(output)) return output.map(rewriteCsv);
  const map = output as Readonly<Record<string, unknown>>;
  if (!IMAGE_EXPORTERS.has(String(map.type)) || "rewrite-timestamp" in map) return map;
  return { ...map, "rewrite-timestamp": "true" };
}

function rewriteCsv(output: string): string {
  const type = /(?:^|,)type=([^,]*)/.exec(output)?.[1];
  if (
    type === undefined ||
    !IMAGE_EXPORTERS.has(type) ||
    /(?:^|,)rewrite-timestamp=/.test(output)
  ) {
    return output;
  }
  return `${output},rewrite-timestamp=true`;
}

/** Whether a build-arg option value of any accepted shape sets SOURCE_DATE_EPOCH. */
function pinsEpoch(buildArg: unknown): boolean {
  if (buildArg === undefined || buildArg === null) return false;
  if (typeof buildArg === "object" && !Array.isArray(buildArg)) {
    return "SOURCE_DATE_EPOCH" in buildArg;
  }
  const items = Array.isArray(buildArg) ? buildArg.map(String) : [String(buildArg)];
  return items.some((item) => item.startsWith("SOURCE_DATE_EPOCH="));
}
