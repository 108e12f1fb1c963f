import { dockerFingerprint } from "@bento/backend-docker/docker-cli";
import type { HealthContext } from "@bento/container-core";

/** docker's fingerprint plus every place the docker CLI may load the buildx plugin from. */
export function buildxFingerprint(context: HealthContext): Promise<string | undefined> {
  return dockerFingerprint(context, ["buildx"]);
}
