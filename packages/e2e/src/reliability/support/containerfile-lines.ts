/** Every instruction a Containerfile may hold (Dockerfile reference). */
export const INSTRUCTIONS: ReadonlySet<string> = new Set([
  "ADD",
  "ARG",
  "CMD",
  "COPY",
  "ENTRYPOINT",
  "ENV",
  "EXPOSE",
  "FROM",
  "HEALTHCHECK",
  "LABEL",
  "MAINTAINER",
  "ONBUILD",
  "RUN",
  "SHELL",
  "STOPSIGNAL",
  "USER",
  "VOLUME",
  "WORKDIR",
]);

/** One logical line of a Containerfile: continuations joined, or a comment. */
export interface LogicalLine {
  /** The upper-cased first word, or `#` for a comment. */
  keyword: string;
  text: string;
}

/**
 * Splits a Containerfile into logical lines as a builder reads it (pure): blank lines dropped,
 * a line ending in `\` joined with the next, comment lines inside a continuation skipped.
 */
export function logicalLines(text: string): LogicalLine[] {
  const lines: LogicalLine[] = [];
  let pending: string | undefined;
  for (const raw of text.split("\n")) {
    const line = raw.replace(/\r$/, "");
    const trimmed = line.trim();
    if (pending === undefined) {
      if (trimmed === "") continue;
      if (trimmed.startsWith("#")) {
        lines.push({ keyword: "#", text: trimmed });
        continue;
      }
      pending = "";
    } else if (trimmed.startsWith("#") || trimmed === "") {
      continue;
    }
    if (line.endsWith("\\")) {
      pending += `${line.slice(0, -1)} `;
      continue;
    }
    const joined = (pending + line).trim();
    lines.push({ keyword: joined.split(/\s+/)[0]!.toUpperCase(), text: joined });
    pending = undefined;
  }
  if (pending !== undefined) lines.push({ keyword: "<unterminated>", text: pending.trim() });
  return lines;
}

/** The instructions (not comments) of a Containerfile. */
export function instructions(text: string): LogicalLine[] {
  return logicalLines(text).filter((line) => line.keyword !== "#");
}

/** Logical lines that are neither a comment nor a known instruction. */
export function strayLines(text: string): LogicalLine[] {
  return logicalLines(text).filter(
    (line) => line.keyword !== "#" && !INSTRUCTIONS.has(line.keyword),
  );
}

/**
 * For each character of a shell command, whether it is inside single quotes, where
 * nothing is expanded (pure; backslash escapes outside single quotes honoured).
 */
export function singleQuoted(command: string): boolean[] {
  const quoted: boolean[] = [];
  let state: "plain" | "single" | "double" = "plain";
  for (let i = 0; i < command.length; i++) {
    const char = command[i];
    if (state === "single") {
      quoted.push(char !== "'");
      if (char === "'") state = "plain";
      continue;
    }
    quoted.push(false);
    if (char === "\\") {
      quoted.push(false);
      i++;
    } else if (char === "'" && state === "plain") state = "single";
    else if (char === '"') state = state === "double" ? "plain" : "double";
  }
  return quoted;
}

/** Whether every occurrence of `needle` in `command` sits wholly inside single quotes. */
export function onlySingleQuoted(command: string, needle: string): boolean {
  const quoted = singleQuoted(command);
  for (let at = command.indexOf(needle); at !== -1; at = command.indexOf(needle, at + 1)) {
    for (let i = at; i < at + needle.length; i++) if (!quoted[i]) return false;
  }
  return true;
}
