import { createHash } from "node:crypto";

/** Everything an image is built from, as values; see {@link inputsKey}. */
export interface BuildInputs {
  /** The Containerfile's text. */
  containerfile: string;
  /** The build command, with run-specific paths and tags replaced (see {@link stableArgv}). */
  argv: readonly string[];
  /** The part of the command's environment the engine reads (the backend's variables). */
  env: Readonly<Record<string, string>>;
  /** {@link treeIdentity} of what the build copies. */
  tree: string;
  /** Build-stage secrets' values, hashed into the key, never stored. */
  secrets?: Readonly<Record<string, string>>;
  /** Extra inputs (an environment image's id, the base image's id). */
  extra?: Readonly<Record<string, string>>;
}

/** Bumped when what the key covers changes, so older records stop matching. */
const KEY_VERSION = "1";

/**
 * A digest of a build's inputs: equal keys mean the engine would be given the
 * same Containerfile, command, environment and files. Pure.
 */
export function inputsKey(inputs: BuildInputs): string {
  const hash = createHash("sha256");
  const part = (name: string, value: string) => hash.update(`${name}\0${value}\0`);
  part("version", KEY_VERSION);
  part("containerfile", inputs.containerfile);
  part("argv", JSON.stringify(inputs.argv));
  part("env", JSON.stringify(sorted(inputs.env)));
  part("tree", inputs.tree);
  part("secrets", JSON.stringify(sorted(inputs.secrets ?? {})));
  part("extra", JSON.stringify(sorted(inputs.extra ?? {})));
  return hash.digest("hex");
}

function sorted(record: Readonly<Record<string, string>>): [string, string][] {
  return Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The part of a command's environment that is an input of the build: the
 * variables the backend sets defaults for, and the pinned build time. The
 * rest (a shell's `_`, `OLDPWD`) changes from run to run without changing
 * the image. Pure.
 */
export function buildVariables(
  env: Readonly<Record<string, string>>,
  backendDefaults: Readonly<Record<string, string>>,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter(([name]) => name in backendDefaults || name === "SOURCE_DATE_EPOCH"),
  );
}

/**
 * The argv with what changes from run to run replaced by placeholders: each
 * occurrence of a run-specific path (the image-id file, secret files, the
 * Containerfile, the context) and each tag. Pure.
 */
export function stableArgv(
  argv: readonly string[],
  replace: Readonly<Record<string, readonly string[]>>,
): string[] {
  const pairs = Object.entries(replace)
    .flatMap(([name, values]) => values.map((value) => [value, `<${name}>`] as const))
    .filter(([value]) => value.length > 0)
    .sort(([a], [b]) => b.length - a.length);
  return argv.map((token) => {
    const exact = pairs.find(([value]) => token === value);
    if (exact) return exact[1];
    return pairs.reduce((text, [value, placeholder]) => text.split(value).join(placeholder), token);
  });
}

const NO_PULL = new Set(["never", "missing", "false"]);

/**
 * The argv without the flags that say how to build, not what: no-cache and
 * pull policies. An image built with `--no-cache` is the same image, and
 * keyed the same, so the image built FROM it stays byte for byte the same. Pure.
 */
export function withoutCacheFlags(argv: readonly string[]): string[] {
  return argv.filter((token) => {
    const [flag] = splitFlag(token);
    return (
      flag !== "--no-cache" &&
      flag !== "--pull" &&
      flag !== "--pull-always" &&
      flag !== "--pull-never"
    );
  });
}

/**
 * Why a build must run even when its inputs are unchanged: a flag asking for
 * fresh layers or a fresh base image, or for output beyond the local store
 * (a push, an export, a metadata file). `undefined` when nothing stops reuse. Pure.
 */
export function reuseBlocker(argv: readonly string[]): string | undefined {
  for (const token of argv) {
    const [flag, value] = splitFlag(token);
    if (flag === "--no-cache" && value !== "false") return token;
    if (flag === "--pull" && !(value !== undefined && NO_PULL.has(value))) return token;
    if (OUTPUT_FLAGS.has(flag)) return token;
  }
  return undefined;
}

const OUTPUT_FLAGS = new Set([
  "--pull-always",
  "--push",
  "--output",
  "-o",
  "--cache-to",
  "--metadata-file",
  "--manifest",
  "--all-platforms",
]);

function splitFlag(token: string): [string, string | undefined] {
  const at = token.indexOf("=");
  return at < 0 ? [token, undefined] : [token.slice(0, at), token.slice(at + 1)];
}

/**
 * The images the Containerfile builds FROM (stage names and `scratch` left
 * out), in order; `undefined` when one is written with a variable and cannot
 * be known before the build. Pure.
 */
export function fromImages(containerfile: string): string[] | undefined {
  const stages = new Set<string>();
  const images: string[] = [];
  for (const line of containerfile.split("\n")) {
    const match = /^\s*FROM\s+(?:--\S+\s+)*(\S+)(?:\s+AS\s+(\S+))?\s*$/i.exec(line);
    if (!match) continue;
    const [, image = "", stage] = match;
    if (image.includes("$")) return undefined;
    if (!stages.has(image.toLowerCase()) && image !== "scratch" && !images.includes(image))
      images.push(image);
    if (stage) stages.add(stage.toLowerCase());
  }
  return images;
}
