import { binaryVersionReport, type HealthContext, type HealthReport } from "@bento/container-core";

const INSTALL_HINT =
  "Run inside kaniko's executor image (it has /kaniko/executor), put `executor` on PATH, or set KANIKO_EXECUTOR to its path.";

/** Healthy when the executor is there and `executor version` answers with a version. */
export function diagnoseKaniko(context: HealthContext, binary: string): Promise<HealthReport> {
  return binaryVersionReport(context, {
    backend: "kaniko",
    binary,
    hint: INSTALL_HINT,
    versionArgs: ["version"],
  });
}
