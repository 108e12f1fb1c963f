import { join } from "node:path";

type Env = NodeJS.ProcessEnv;

/** The client certificates' directory make-tls.sh wrote (engines.env's default). */
function clientTlsDir(env: Env): string {
  const config = env.BENTO_ENGINES_CONFIG?.trim() || "/etc/bento-container";
  return join(env.BENTO_TLS_DIR?.trim() || join(config, "tls"), "client");
}

/**
 * The second dockerd scripts/engines/start-dockerd-remote.sh runs, as a docker
 * user points at a remote daemon: `DOCKER_HOST` on loopback TCP with mutual TLS.
 */
export function dockerTcp(env: Env = process.env): {
  host: string;
  certPath: string;
  env: { DOCKER_HOST: string; DOCKER_TLS_VERIFY: string; DOCKER_CERT_PATH: string };
} {
  const host = `tcp://${env.BENTO_DOCKER_TCP_ADDR?.trim() || "127.0.0.1:2376"}`;
  const certPath = clientTlsDir(env);
  return {
    host,
    certPath,
    env: { DOCKER_HOST: host, DOCKER_TLS_VERIFY: "1", DOCKER_CERT_PATH: certPath },
  };
}

/** podman's API service scripts/engines/start-podman-service.sh runs, as `CONTAINER_HOST`. */
export function podmanService(env: Env = process.env): { host: string } {
  const socket = env.BENTO_PODMAN_SOCKET?.trim() || "/run/bento-container/podman/podman.sock";
  return { host: `unix://${socket}` };
}
