/** The loopback registry scripts/engines/start-registry.sh runs; env `BENTO_REGISTRY_ADDR` overrides it. */
export function registryAddress(env: NodeJS.ProcessEnv = process.env): string {
  return env.BENTO_REGISTRY_ADDR?.trim() || "127.0.0.1:5000";
}
