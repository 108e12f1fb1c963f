import { join } from "node:path";

/**
 * Where scripts/engines/setup.sh put buildkitd's loopback TCP address and the client
 * certificates for it (engines.env's defaults; the same variables override them).
 */
export function buildkitTcp(env: NodeJS.ProcessEnv = process.env): {
  host: string;
  tlsDir: string;
} {
  const addr = env.BENTO_BUILDKIT_TCP_ADDR?.trim() || "127.0.0.1:1234";
  const config = env.BENTO_ENGINES_CONFIG?.trim() || "/etc/bento-container";
  const tls = env.BENTO_TLS_DIR?.trim() || join(config, "tls");
  return { host: `tcp://${addr}`, tlsDir: join(tls, "client") };
}
