const DIGEST = /^sha256:[0-9a-f]{64}$/;
const BARE_HEX = /^[0-9a-f]{64}$/;

/**
 * The image id in a `--iidfile` file: `sha256:<hex>` (docker, buildx, podman,
 * buildah, nerdctl), bare hex accepted; `undefined` for anything else.
 */
export function parseIidfile(content: string): string | undefined {
  const text = content.trim();
  if (DIGEST.test(text)) return text;
  return BARE_HEX.test(text) ? `sha256:${text}` : undefined;
}
