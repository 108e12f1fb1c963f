import type { OCIBuilder } from "./contract.js";

type Env = Readonly<Record<string, string | undefined>>;

/** The backend's default env under the user's: the user's values win. */
export function backendEnv(
  builder: Pick<OCIBuilder, "env">,
  userEnv: Env = process.env,
): Record<string, string> {
  const merged: Record<string, string> = { ...builder.env };
  for (const [key, value] of Object.entries(userEnv)) if (value !== undefined) merged[key] = value;
  return merged;
}

/**
 * Whether the Containerfile may use BuildKit syntax: the backend must support it,
 * and `DOCKER_BUILDKIT` (the user's, else the backend's default) must not say 0.
 */
export function usesBuildkit(
  builder: Pick<OCIBuilder, "buildkitSupport" | "env">,
  userEnv: Env = process.env,
): boolean {
  if (!builder.buildkitSupport) return false;
  const flag = backendEnv(builder, userEnv).DOCKER_BUILDKIT;
  return flag === undefined || !["0", "false", "no", "off", ""].includes(flag.toLowerCase());
}
