/** One step of an image's history, oldest first. */
export interface ImageHistoryEntry {
  createdBy: string;
  comment: string;
}

/** What tests check about a built image, the same shape for docker and podman. */
export interface ImageInfo {
  /** `sha256:<hex>`, as `--iidfile` writes it. */
  id: string;
  labels: Record<string, string>;
  env: Record<string, string>;
  user: string;
  workdir: string;
  entrypoint: string[];
  cmd: string[];
  /** `3000/tcp` and the like. */
  exposedPorts: string[];
  history: ImageHistoryEntry[];
  /** Diff ids of the layers, base first. */
  layers: string[];
}

type Json = Record<string, unknown>;

const asObject = (value: unknown): Json =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : {};
const asString = (value: unknown): string => (typeof value === "string" ? value : "");
const asStrings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
const asStringRecord = (value: unknown): Record<string, string> =>
  Object.fromEntries(Object.entries(asObject(value)).map(([key, item]) => [key, asString(item)]));

/** `KEY=value` lines as a record; a value keeps any `=` it contains. */
export function parseEnv(lines: readonly string[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of lines) {
    const at = line.indexOf("=");
    if (at > 0) env[line.slice(0, at)] = line.slice(at + 1);
    else if (line !== "") env[line] = "";
  }
  return env;
}

/** Adds the `sha256:` prefix podman leaves off its ids. */
export function normalizeImageId(id: string): string {
  return id.includes(":") ? id : `sha256:${id}`;
}

function parseCommon(image: Json, history: ImageHistoryEntry[]): ImageInfo {
  const config = asObject(image.Config);
  return {
    id: normalizeImageId(asString(image.Id)),
    labels: asStringRecord(config.Labels),
    env: parseEnv(asStrings(config.Env)),
    user: asString(config.User),
    workdir: asString(config.WorkingDir),
    entrypoint: asStrings(config.Entrypoint),
    cmd: asStrings(config.Cmd),
    exposedPorts: Object.keys(asObject(config.ExposedPorts)),
    history,
    layers: asStrings(asObject(image.RootFS).Layers),
  };
}

/** Parses `docker image inspect` output plus `docker history --no-trunc --format '{{json .}}'`. */
export function parseDockerInspect(inspectJson: string, historyJsonLines: string): ImageInfo {
  const image = asObject((JSON.parse(inspectJson) as unknown[])[0]);
  // docker history lists the newest step first.
  const history = historyJsonLines
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => asObject(JSON.parse(line)))
    .map((step) => ({ createdBy: asString(step.CreatedBy), comment: asString(step.Comment) }))
    .reverse();
  return parseCommon(image, history);
}

/** Parses `podman image inspect` output, whose history is already oldest first. */
export function parsePodmanInspect(inspectJson: string): ImageInfo {
  const image = asObject((JSON.parse(inspectJson) as unknown[])[0]);
  const history = (Array.isArray(image.History) ? image.History : [])
    .map(asObject)
    .map((step) => ({ createdBy: asString(step.created_by), comment: asString(step.comment) }));
  return parseCommon(image, history);
}
