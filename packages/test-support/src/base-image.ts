/** The name scripts/engines/base-image.sh imports the offline base image under. */
export const DEFAULT_BASE_IMAGE = "bento-base:bookworm";

/** The local base image e2e builds start FROM; env `BENTO_TEST_BASE_IMAGE` overrides it. */
export function baseImage(env: NodeJS.ProcessEnv = process.env): string {
  return env.BENTO_TEST_BASE_IMAGE?.trim() || DEFAULT_BASE_IMAGE;
}
