/**
 * Where buildctl connects, as its users configure it: `BUILDKIT_HOST` (read by
 * buildctl itself), else buildkitd's default socket. A TCP endpoint's client
 * certificates come from the directory `BENTO_BUILDKIT_TLS_DIR` names (ca.pem,
 * cert.pem, key.pem: buildctl's `--tlsdir` layout), since buildctl reads no
 * variable for them. https://github.com/moby/buildkit#expose-buildkit-as-a-tcp-service
 */
export interface BuildkitEndpoint {
  /** The address buildctl dials. */
  address: string;
  /** The variable that set it, or `undefined` for the default socket. */
  setting?: "BUILDKIT_HOST";
  /** buildctl's global flags for the connection (`--tlsdir DIR`), before its command. */
  globalArgs: readonly string[];
  /** The client certificates' directory, never to be shown. */
  tlsDir?: string;
}

/** buildkitd's default address on Linux (BuildKit's appdefaults). */
export const DEFAULT_BUILDKIT_ADDRESS = "unix:///run/buildkit/buildkitd.sock";

/** The variable naming the client certificates' directory. */
export const TLS_DIR_SETTING = "BENTO_BUILDKIT_TLS_DIR";

/** The endpoint the environment configures. Pure. */
export function buildkitEndpoint(
  env: Readonly<Record<string, string | undefined>>,
): BuildkitEndpoint {
  const host = env.BUILDKIT_HOST?.trim();
  const tlsDir = env[TLS_DIR_SETTING]?.trim();
  const tls = tlsDir ? { globalArgs: ["--tlsdir", tlsDir], tlsDir } : { globalArgs: [] };
  return host
    ? { address: host, setting: "BUILDKIT_HOST", ...tls }
    : { address: DEFAULT_BUILDKIT_ADDRESS, ...tls };
}
