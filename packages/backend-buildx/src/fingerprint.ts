import {
  dockerFingerprint,
  dockerPluginCandidates,
  type HealthContext,
  readDockerConfig,
} from "@bento/container-core";

/** docker's fingerprint plus every place the docker CLI may load the buildx plugin from. */
export function buildxFingerprint(context: HealthContext): Promise<string | undefined> {
  const { env } = context;
  return dockerFingerprint(context, dockerPluginCandidates("buildx", env, readDockerConfig(env)));
}
