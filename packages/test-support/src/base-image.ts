import { registryAddress } from "./registry.js";

/** The name scripts/engines/base-image.sh imports the offline base image under. */
export const DEFAULT_BASE_IMAGE = "bento-base:bookworm";

/** The local base image e2e builds start FROM; env `BENTO_TEST_BASE_IMAGE` overrides it. */
export function baseImage(env: NodeJS.ProcessEnv = process.env): string {
  return env.BENTO_TEST_BASE_IMAGE?.trim() || DEFAULT_BASE_IMAGE;
}

/**
 * The base image as the loopback registry holds it (start-registry.sh pushes it
 * there): what a BuildKit daemon, which sees no local image store, builds FROM.
 */
export function registryBaseImage(env: NodeJS.ProcessEnv = process.env): string {
  return `${registryAddress(env)}/${baseImage(env)}`;
}
