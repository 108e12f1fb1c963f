import { hasControlCharacter } from "../containerfile/line-safety.js";

/** Top-level context entries that belong to the environment image; every other entry is code. */
export const ENVIRONMENT_ENTRIES: readonly string[] = ["env", "models", "hf-models"];

/** A layered Containerfile cut in two: the environment, and the code that goes on top. */
export interface SplitContainerfile {
  /** The whole build but the code's COPY lines. */
  environment: string;
  /** The code's COPY lines, in order, for a Containerfile `FROM` the environment image. */
  codeLines: string[];
  /** Top-level entries whose files the environment build reads (code entries it copies early, too). */
  environmentEntries: string[];
  /** Top-level entries the code build copies. */
  codeEntries: string[];
  /** The USER the code build ends with, when the environment's is set as numbers. */
  user?: string;
}

const COPY_ENTRY =
  /^COPY\s+--chown=\S+\s+(?:\.\/(\S+)\s+\.\/(\S+)|\["\.\/([^"]+)",\s*"\.\/([^"]+)"\])\s*$/;
/** Instructions that may follow the code without depending on it. */
const METADATA = /^(EXPOSE|USER|ENTRYPOINT|CMD|ENV|LABEL|ARG|STOPSIGNAL|HEALTHCHECK)\b/i;
/** The layered templates make the entrypoint executable after the code; it lives in env/. */
const CHMOD_ENV = /^RUN\s+chmod\s+\+x\s+\S*\/env\/\S+$/;

/**
 * Cuts a rendered layered Containerfile into an environment part and the code
 * on top of it. Code is every top-level entry of the context but env, models
 * and hf-models, copied whole by one `COPY ./NAME ./NAME` line. `undefined`
 * when the cut could change the image: several stages, a code entry not found
 * as such a line, or a step after the code that could read it. Pure.
 */
export function splitContainerfile(
  text: string,
  contextEntries: readonly string[],
): SplitContainerfile | undefined {
  const lines = text.split("\n");
  if (lines.filter((line) => /^\s*FROM\s/i.test(line)).length !== 1) return undefined;
  const code = contextEntries.filter((name) => !ENVIRONMENT_ENTRIES.includes(name));
  const codeLines: string[] = [];
  const environment: string[] = [];
  let afterCode = false;
  for (const line of lines) {
    const entry = copiedEntry(line);
    if (entry !== undefined && code.includes(entry)) {
      codeLines.push(line);
      afterCode = true;
      continue;
    }
    const instruction = line.trim();
    const movable =
      !instruction ||
      instruction.startsWith("#") ||
      METADATA.test(instruction) ||
      CHMOD_ENV.test(instruction) ||
      (entry !== undefined && ENVIRONMENT_ENTRIES.includes(entry));
    if (afterCode && !movable) return undefined;
    environment.push(line);
  }
  const copied = new Set(codeLines.map((line) => copiedEntry(line)));
  if (code.some((name) => !copied.has(name))) return undefined;
  // A code path copied before the install step (spec 2's build_include) is environment input.
  const early = code.filter((name) => environment.some((line) => line.includes(`./${name}/`)));
  const environmentEntries = [
    ...contextEntries.filter((name) => ENVIRONMENT_ENTRIES.includes(name)),
    ...early,
  ];
  return { environment: environment.join("\n"), codeLines, environmentEntries, codeEntries: code };
}

/** The top-level entry a `COPY --chown=U:G ./NAME ./NAME` line copies whole. */
function copiedEntry(line: string): string | undefined {
  const match = COPY_ENTRY.exec(line.trim());
  if (!match) return undefined;
  const [, from, to, jsonFrom, jsonTo] = match;
  const source = from ?? jsonFrom;
  const target = to ?? jsonTo;
  return source !== undefined && source === target && !source.includes("/") ? source : undefined;
}

/** What the code build's Containerfile holds besides the environment image. */
export interface CodeOptions {
  /** Code entries that are plain files: copied together by one COPY. */
  files: ReadonlySet<string>;
  /** Labels written as one LABEL instruction (see {@link labelInstruction}). */
  labels: Readonly<Record<string, string>>;
  /**
   * Copy the whole context in one `COPY --chown=U:G . ./` with this flag (see
   * {@link wholeContextCopy}); the build ignores the environment's entries.
   */
  wholeContext?: string;
}

/**
 * The `--chown=U:G` flag when every code line copies one top-level entry to the
 * same name with that one owner, so one `COPY --chown=U:G . ./` of a context
 * holding only the code entries makes the same files; `undefined` otherwise. Pure.
 */
export function wholeContextCopy(split: SplitContainerfile): string | undefined {
  const flags = split.codeLines.map(
    (line) => /^COPY\s+(--chown=\S+)\s+\.\/(\S+)\s+\.\/\2\s*$/.exec(line.trim())?.[1],
  );
  const [first] = flags;
  return first !== undefined && flags.every((flag) => flag === first) ? first : undefined;
}

/**
 * The ignore file that leaves the code build's context holding only the code
 * entries: one line per other top-level entry, `undefined` when a name would
 * read as a pattern. Pure.
 */
export function codeIgnoreFile(
  contextEntries: readonly string[],
  split: SplitContainerfile,
): string | undefined {
  const others = contextEntries.filter((name) => !split.codeEntries.includes(name));
  if (others.some((name) => /[*?[\]\\!#\s]/.test(name) || hasControlCharacter(name)))
    return undefined;
  return others.map((name) => `${name}\n`).join("");
}

/**
 * The code build's Containerfile: FROM the environment image, with
 * `wholeContext` one COPY of the context, else the plain files in one COPY and
 * each directory in its own (COPY of several directories would merge their
 * contents), the labels in one LABEL, and the split's USER (see
 * `withNumericOwner`) last. Podman and buildah
 * spend about as long on each instruction as on the copy itself (each commits
 * an image: https://github.com/containers/buildah/issues/1764), and apply
 * `--label` flags in a commit step of their own after the last instruction
 * (https://github.com/containers/buildah/issues/3370). Pure.
 */
export function codeContainerfile(
  environmentImage: string,
  split: SplitContainerfile,
  options: CodeOptions,
): string {
  const label = labelInstruction(options.labels);
  const tail = [...(label ? [label] : []), ...(split.user ? [`USER ${split.user}`] : []), ""];
  if (options.wholeContext)
    return [...head(environmentImage), `COPY ${options.wholeContext} . ./`, ...tail].join("\n");
  const merged: string[] = [];
  const others: string[] = [];
  let chown: string | undefined;
  for (const line of split.codeLines) {
    const plain = /^COPY\s+(--chown=\S+)\s+\.\/(\S+)\s+\.\/\2\s*$/.exec(line.trim());
    const [, flag, name] = plain ?? [];
    if (flag && name && options.files.has(name) && (chown === undefined || chown === flag)) {
      chown = flag;
      merged.push(`./${name}`);
    } else others.push(line);
  }
  const files =
    merged.length > 1
      ? [`COPY ${chown} ${merged.join(" ")} ./`]
      : merged.map((path) => `COPY ${chown} ${path} ${path}`);
  return [...head(environmentImage), ...files, ...others, ...tail].join("\n");
}

function head(environmentImage: string): string[] {
  // No ARG: nothing here reads one, the build gets no build arguments, and on
  // podman and buildah every instruction costs a lookup of the image's user
  // (https://github.com/containers/buildah/issues/1764).
  return [`FROM ${environmentImage}`];
}

/** Characters a double-quoted LABEL word would interpret. */
const INTERPRETED = /["\\$]/;

/**
 * One `LABEL "k"="v" ...` instruction, or `undefined` when there are none or
 * one holds a character LABEL would interpret (quote, backslash, `$`, control). Pure.
 */
export function labelInstruction(labels: Readonly<Record<string, string>>): string | undefined {
  const pairs = Object.entries(labels);
  if (pairs.length === 0) return undefined;
  const plain = (text: string) => !INTERPRETED.test(text) && !hasControlCharacter(text);
  if (pairs.some(([key, value]) => !plain(key) || !plain(value))) return undefined;
  return `LABEL ${pairs.map(([key, value]) => `"${key}"="${value}"`).join(" ")}`;
}
