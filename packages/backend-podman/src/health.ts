import {
  binaryVersionReport,
  formatArgv,
  type HealthContext,
  type HealthReport,
  outputTail,
  probe,
  probeFailure,
} from "@bento/container-core";

const INSTALL_HINT = "Install podman (Debian: `apt-get install podman`) and put it on PATH.";
const MACHINE_HINT =
  "Start the podman machine: `podman machine start` (or `podman machine init` first).";

/**
 * Healthy when `podman` is on PATH and answers; on macOS and Windows its machine
 * must be running, as podman builds there in a Linux VM:
 * https://docs.podman.io/en/latest/markdown/podman-machine.1.html
 */
export async function diagnosePodman(context: HealthContext): Promise<HealthReport> {
  const report = await binaryVersionReport(context, {
    backend: "podman",
    binary: "podman",
    hint: INSTALL_HINT,
  });
  if (!report.healthy || (context.platform !== "darwin" && context.platform !== "win32")) {
    return report;
  }
  const argv = [
    report.binary ?? "podman",
    "machine",
    "info",
    "--format",
    "{{json .Host.MachineState}}",
  ];
  const result = await probe(context, argv);
  const failed = probeFailure(argv, result, context.timeoutMs);
  if (failed) return { ...report, healthy: false, reason: failed, hint: MACHINE_HINT };
  const state = parseMachineState(result.stdout);
  if (state?.toLowerCase() === "running") return report;
  const said = state === undefined ? outputTail(result) || "nothing" : `"${state}"`;
  return {
    ...report,
    healthy: false,
    reason: `\`${formatArgv(argv)}\` answered ${said}: the podman machine is not running`,
    hint: MACHINE_HINT,
  };
}

/** The state in `podman machine info --format '{{json .Host.MachineState}}'` output. */
export function parseMachineState(stdout: string): string | undefined {
  try {
    const value: unknown = JSON.parse(stdout.trim());
    return typeof value === "string" ? value : undefined;
  } catch {
    return undefined;
  }
}
