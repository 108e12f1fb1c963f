import {
  binaryVersionReport,
  fileIdentity,
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
 * Healthy when `podman` is on PATH and answers; with `CONTAINER_HOST` set (podman's
 * remote client) the service there must answer too, and the report names it; on
 * macOS and Windows its machine must be running, as podman builds there in a Linux VM:
 * https://docs.podman.io/en/latest/markdown/podman-machine.1.html
 */
export async function diagnosePodman(context: HealthContext): Promise<HealthReport> {
  const report = await binaryVersionReport(context, {
    backend: "podman",
    binary: "podman",
    hint: INSTALL_HINT,
  });
  const host = context.env.CONTAINER_HOST?.trim();
  if (report.healthy && host) return remoteReport(context, report, host);
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

/**
 * Fingerprint of a local podman on Linux, whose check is only its binary
 * answering `--version`: the binary's identity. `undefined` with
 * `CONTAINER_HOST` (a remote service) or on macOS and Windows (a podman
 * machine), whose state no file shows.
 */
export async function podmanFingerprint(context: HealthContext): Promise<string | undefined> {
  const remote = Boolean(context.env.CONTAINER_HOST?.trim());
  if (remote || context.platform === "darwin" || context.platform === "win32") return undefined;
  const binary = context.which("podman");
  return binary === undefined ? undefined : fileIdentity(binary);
}

/** The state in `podman machine info --format '{{json .Host.MachineState}}'` output. */
export function parseMachineState(stdout: string): string | undefined {
  return jsonString(stdout);
}

/** The string a `--format '{{json …}}'` answer holds, or `undefined`. */
function jsonString(stdout: string): string | undefined {
  try {
    const value: unknown = JSON.parse(stdout.trim());
    return typeof value === "string" ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The podman service `CONTAINER_HOST` names, asked for its version: the
 * report's version is the server's (it builds), `clientVersion` the CLI's.
 * Output never shows `CONTAINER_SSHKEY`'s path.
 * https://docs.podman.io/en/latest/markdown/podman-remote.1.html
 */
async function remoteReport(
  context: HealthContext,
  client: HealthReport,
  host: string,
): Promise<HealthReport> {
  const argv = [client.binary ?? "podman", "version", "--format", "{{json .Server.Version}}"];
  const result = await probe(context, argv);
  const base = { ...client, clientVersion: client.version, endpoint: host };
  const version = result.failed ? undefined : jsonString(result.stdout);
  if (version !== undefined) return { ...base, version };
  const said = result.timedOut
    ? "no answer in time"
    : outputTail(result, 2) || `exit code ${result.exitCode}`;
  const key = context.env.CONTAINER_SSHKEY?.trim();
  return {
    ...base,
    healthy: false,
    version: undefined,
    reason: `the podman service at ${host} (CONTAINER_HOST) does not answer \`podman version\`: ${key ? said.replaceAll(key, "$CONTAINER_SSHKEY") : said}`,
    hint: `Start \`podman system service\` at ${host}, or set CONTAINER_HOST to one that runs (unset it to build with the local podman).`,
  };
}
