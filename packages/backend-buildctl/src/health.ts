import {
  buildkitClientReport,
  formatArgv,
  type HealthContext,
  type HealthReport,
  outputTail,
  probe,
} from "@bento/container-core";
import { type BuildkitEndpoint, buildkitEndpoint, TLS_DIR_SETTING } from "./endpoint.js";

const INSTALL_HINT = "Install BuildKit (buildctl and buildkitd) and put buildctl on PATH.";

/**
 * Healthy when not on Windows, `buildctl` answers, and the buildkitd it connects
 * to answers `buildctl debug info`. The report's `version` is the daemon's
 * BuildKit (what the capabilities depend on), `clientVersion` buildctl's own.
 */
export async function diagnoseBuildctl(context: HealthContext): Promise<HealthReport> {
  const client = await buildkitClientReport(context, {
    backend: "buildctl",
    binary: "buildctl",
    hint: INSTALL_HINT,
  });
  if (!client.healthy || client.binary === undefined) return client;
  const endpoint = buildkitEndpoint(context.env);
  const asked = ["debug", "info", "--format", "{{json .BuildkitVersion}}"];
  const result = await probe(context, [client.binary, ...endpoint.globalArgs, ...asked]);
  const base = { ...client, clientVersion: client.version, endpoint: endpoint.address };
  if (result.failed) {
    return {
      ...base,
      healthy: false,
      version: undefined,
      reason: `${daemonName(endpoint)} does not answer \`${formatArgv(["buildctl", ...asked.slice(0, 2)])}\`: ${failureText(result, endpoint)}`,
      hint: fixHint(endpoint),
    };
  }
  return { ...base, version: daemonVersion(result.stdout) };
}

/** `{"package":…,"version":"v0.13.2",…}` gives `0.13.2`; `undefined` when unreadable. */
export function daemonVersion(stdout: string): string | undefined {
  try {
    const info = JSON.parse(stdout) as { version?: unknown; Version?: unknown };
    const version = info.version ?? info.Version;
    return typeof version === "string" ? version.replace(/^v/, "") : undefined;
  } catch {
    return undefined;
  }
}

function daemonName(endpoint: BuildkitEndpoint): string {
  const how = endpoint.setting
    ? ` (${endpoint.setting})`
    : " (the default; BUILDKIT_HOST is not set)";
  return `buildkitd at ${endpoint.address}${how}`;
}

/** What went wrong, without the command line (it may name the certificates' directory). */
function failureText(
  result: Awaited<ReturnType<typeof probe>>,
  endpoint: BuildkitEndpoint,
): string {
  if (result.timedOut) return "no answer in time";
  if (result.spawnError) return `buildctl could not start (${result.spawnError})`;
  const said = outputTail(result, 2) || `exit code ${result.exitCode}`;
  return endpoint.tlsDir ? said.replaceAll(endpoint.tlsDir, `$${TLS_DIR_SETTING}`) : said;
}

function fixHint(endpoint: BuildkitEndpoint): string {
  const tls = endpoint.address.startsWith("tcp://")
    ? ` For a TLS endpoint set ${TLS_DIR_SETTING} to the directory with its ca.pem, cert.pem and key.pem.`
    : "";
  return endpoint.setting
    ? `Start buildkitd at ${endpoint.address} or set BUILDKIT_HOST to one that runs.${tls}`
    : "Start buildkitd (it listens on that socket by default) or set BUILDKIT_HOST to a running one.";
}
