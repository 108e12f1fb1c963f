import { createHash } from "node:crypto";
import { hostname } from "node:os";

/**
 * Why the build context goes through a named context.
 *
 * buildkitd keeps the last upload of a local directory and sends only the files
 * whose metadata changed, but it finds that upload by a key made of the local's
 * name, the frontend's hint and the session's shared key. buildctl sets no
 * session key, and the dockerfile frontend names the main context `context`, so
 * every buildctl build on a daemon shares one upload: any other directory built
 * in between (another bento, another user) makes the next build send its whole
 * context again, models included. A named context (`context:NAME=local:LOCAL`)
 * is keyed by its own local name, so each staged bento keeps an upload of its
 * own and a one-line edit sends one file.
 * https://github.com/moby/buildkit/blob/v0.13.2/source/local/source.go (the
 * shared key) and https://github.com/docker/buildx/pull/2558 (buildx keys it by
 * directory for the same reason).
 */
export const CONTEXT_NAME = "bento-build-context";

/**
 * The one stage made from the named context, which every COPY reads. A COPY
 * naming the context itself would get an upload of its own (with only its own
 * paths) under the same key; uploads running at once then take each other's
 * kept copy, and the models go over the wire again.
 */
export const FILES_STAGE = "bento-build-files";

/**
 * The local name of a staged context on this machine: a hash of the host name
 * and the directory, as buildx keys its uploads. Same directory, same name.
 */
export function contextLocalName(contextDir: string): string {
  const digest = createHash("sha256").update(`${hostname()}\0${contextDir}`).digest("hex");
  return `bento-${digest.slice(0, 16)}`;
}

const INSTRUCTION = /^(\s*)(copy)(\s+)/i;
const HEREDOC = /<<-?\s*["']?([A-Za-z_][A-Za-z0-9_]*)["']?/g;
const ESCAPE_DIRECTIVE = /^#\s*escape\s*=\s*(\S)\s*$/i;
const FROM_FLAG = /(^|\s)--from[=\s]/i;

/**
 * Points every `COPY` that reads the build context at {@link FILES_STAGE}, a
 * stage `FROM` {@link CONTEXT_NAME} placed before the first `FROM`: adds
 * `--from=` to each `COPY` instruction without one. Continuation lines,
 * heredoc bodies and `COPY <<EOF` (inline content) are left as they are; `ADD`
 * takes no `--from` and keeps reading the main context (the frontend then sends
 * only the files it names). Pure.
 */
export function copyFromNamedContext(text: string): string {
  const lines = text.split("\n");
  const escapeChar = escapeCharacter(lines);
  const out: string[] = [];
  let staged = false;
  let at = 0;
  while (at < lines.length) {
    // One instruction: its first line, the lines its escape continues (comments and
    // blank lines inside included), then the bodies of its heredocs.
    const first = at;
    let last = at;
    while (last + 1 < lines.length && continues(lines[last] as string, escapeChar, last > first))
      last++;
    const instruction = lines.slice(first, last + 1);
    const text = instruction.join("\n");
    const tags = /^\s*#/.test(lines[first] as string)
      ? []
      : [...text.matchAll(HEREDOC)].map((match) => match[1] as string);
    for (const tag of tags) {
      while (last + 1 < lines.length && (lines[++last] as string).replace(/^\t+/, "") !== tag);
    }
    if (!staged && /^\s*from\s/i.test(lines[first] as string)) {
      out.push(`FROM ${CONTEXT_NAME} AS ${FILES_STAGE}`);
      staged = true;
    }
    const match = INSTRUCTION.exec(lines[first] as string);
    if (match && !tags.length && !FROM_FLAG.test(text)) {
      const line = lines[first] as string;
      instruction[0] = `${match[1]}${match[2]}${match[3]}--from=${FILES_STAGE} ${line.slice(match[0].length)}`;
    }
    out.push(...instruction, ...lines.slice(first + instruction.length, last + 1));
    at = last + 1;
  }
  return out.join("\n");
}

/** Whether the instruction goes on after `line` (ends with the escape, or sits inside one). */
function continues(line: string, escapeChar: string, inside: boolean): boolean {
  if (/^\s*#/.test(line)) return inside;
  if (inside && line.trim() === "") return true;
  return line.trimEnd().endsWith(escapeChar);
}

/** The escape character a `# escape=` parser directive sets, else a backslash. */
function escapeCharacter(lines: readonly string[]): string {
  for (const line of lines) {
    const directive = ESCAPE_DIRECTIVE.exec(line);
    if (directive) return directive[1] as string;
    if (!/^\s*#/.test(line)) break;
  }
  return "\\";
}
