/** What the standard image labels are made from. */
export interface LabelSource {
  name: string;
  version: string;
  /** The bento's creation time (ISO 8601). */
  creationTime?: string;
  /** Where the bento came from (a URL in the bento's labels), when known. */
  source?: string;
}

/** The OCI labels bento-container puts on every image unless told not to. Pure. */
export function standardLabels(bento: LabelSource): Record<string, string> {
  const labels: Record<string, string> = {
    "org.opencontainers.image.title": bento.name,
    "org.opencontainers.image.version": bento.version,
  };
  if (bento.creationTime) labels["org.opencontainers.image.created"] = bento.creationTime;
  if (bento.source) labels["org.opencontainers.image.source"] = bento.source;
  labels["ai.bentoml.bento"] = `${bento.name}:${bento.version}`;
  return labels;
}

/** The labels to add: standard ones unless `false`, plus the user's map. */
export function imageLabels(
  bento: LabelSource,
  option: boolean | Readonly<Record<string, string>> | undefined,
): Record<string, string> {
  if (option === false) return {};
  return { ...standardLabels(bento), ...(typeof option === "object" ? option : {}) };
}
