const DIGEST = /^sha256:[0-9a-f]{64}$/;

/**
 * The image id in buildctl's `--metadata-file`: `containerimage.config.digest`
 * (what docker and podman call the image id), else `containerimage.digest`.
 */
export function parseMetadataFile(content: string): string | undefined {
  let metadata: unknown;
  try {
    metadata = JSON.parse(content);
  } catch {
    return undefined;
  }
  if (typeof metadata !== "object" || metadata === null) return undefined;
  const fields = metadata as Record<string, unknown>;
  return [fields["containerimage.config.digest"], fields["containerimage.digest"]].find(
    (value): value is string => typeof value === "string" && DIGEST.test(value),
  );
}
