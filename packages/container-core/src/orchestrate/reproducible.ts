import { isSupported } from "../backend/capabilities.js";
import type { OCIBuilder } from "../backend/contract.js";

/** How a build pins its timestamps, and what that adds to the backend's options and env. */
export interface ReproduciblePlan {
  applied: boolean;
  reason?: string;
  options: Record<string, unknown>;
  env: Record<string, string>;
}

const NOTHING = { options: {}, env: {} };

/**
 * Pins image timestamps to the bento's creation time: `--timestamp` where the
 * backend has it (podman, buildah), and `SOURCE_DATE_EPOCH` as build argument
 * and environment (BuildKit 0.11+ reads it too:
 * https://github.com/moby/buildkit/blob/v0.13.0/docs/build-repro.md#source_date_epoch).
 * Says why when it cannot.
 */
export function reproduciblePlan(
  builder: OCIBuilder,
  version: string | undefined,
  creationTime: string | undefined,
  userOptions: Readonly<Record<string, unknown>>,
  wanted: boolean,
): ReproduciblePlan {
  if (!wanted) return { applied: false, reason: "turned off (reproducible: false)", ...NOTHING };
  const epoch =
    creationTime === undefined ? Number.NaN : Math.floor(Date.parse(creationTime) / 1000);
  if (!Number.isFinite(epoch)) {
    return { applied: false, reason: "the bento has no readable creation_time", ...NOTHING };
  }
  const support = builder.capabilities.reproducibleTimestamps;
  if (!isSupported(support, version)) {
    const since =
      typeof support === "object"
        ? ` (needs ${builder.name} ${support.since}+; this is ${version ?? "an unknown version"})`
        : "";
    return {
      applied: false,
      reason: `${builder.name} cannot pin image timestamps${since}`,
      ...NOTHING,
    };
  }
  // SOURCE_DATE_EPOCH also reaches RUN steps (the layered layout declares the ARG),
  // so .pyc files and /etc/shadow carry the pinned time, not the build's.
  const epochArg =
    "buildArg" in builder.options
      ? { buildArg: withBuildArg(userOptions.buildArg, "SOURCE_DATE_EPOCH", String(epoch)) }
      : {};
  const env = { SOURCE_DATE_EPOCH: String(epoch) };
  if ("timestamp" in builder.options) {
    const kind = builder.options.timestamp?.kind;
    const timestamp = userOptions.timestamp ?? (kind === "number" ? epoch : String(epoch));
    return { applied: true, options: { timestamp, ...epochArg }, env };
  }
  if ("buildArg" in epochArg) return { applied: true, options: epochArg, env };
  return {
    applied: false,
    reason: `${builder.name} has neither a timestamp nor a build-arg option`,
    ...NOTHING,
  };
}

/** Adds `key=value` to a build-arg option of any accepted shape, the user's value winning. */
function withBuildArg(own: unknown, key: string, value: string): unknown {
  if (own === undefined) return { [key]: value };
  if (typeof own === "object" && !Array.isArray(own)) return { [key]: value, ...own };
  const list = Array.isArray(own) ? own.map(String) : [String(own)];
  return list.some((item) => item.startsWith(`${key}=`)) ? list : [`${key}=${value}`, ...list];
}
