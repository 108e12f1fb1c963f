import {
  binaryVersionReport,
  fileIdentity,
  type HealthContext,
  type HealthReport,
} from "@bento/container-core";

const INSTALL_HINT = "Install buildah (Debian: `apt-get install buildah`) and put it on PATH.";

/** Healthy when `buildah` is on PATH and `buildah --version` answers with a version. */
export function diagnoseBuildah(context: HealthContext): Promise<HealthReport> {
  return binaryVersionReport(context, {
    backend: "buildah",
    binary: "buildah",
    hint: INSTALL_HINT,
  });
}

/**
 * Fingerprint of buildah, whose check is only its binary answering
 * `--version`: the binary's identity; `undefined` when it is not on PATH.
 */
export async function buildahFingerprint(context: HealthContext): Promise<string | undefined> {
  const binary = context.which("buildah");
  return binary === undefined ? undefined : fileIdentity(binary);
}
