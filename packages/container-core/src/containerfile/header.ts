/** The frontend BentoML names in compat output (kaniko and buildkitd both understand 1.2.1). */
export const COMPAT_FRONTEND = "docker/dockerfile:1.2.1";

/** The generated-file notice `addHeader` puts on top. */
export const GENERATED_HEADER = [
  "# ----------------------------------------------------------------",
  "# Generated from the bento by bento-container; edits are lost when",
  "# it is generated again. Change bento.yaml or its template instead.",
  "# ----------------------------------------------------------------",
];

/** What goes above the rendered template. */
export interface HeaderInput {
  /** Frontend image for the `# syntax` directive, or undefined for none. */
  frontend?: string;
  /**
   * Place the directive after a comment, as BentoML does, where BuildKit reads it
   * as a comment; otherwise it is line 1, where BuildKit honours it.
   */
  inertFrontend: boolean;
  addHeader: boolean;
}

/** Lines of the syntax directive and the generated-file notice. */
export function headerLines(input: HeaderInput): string[] {
  const lines: string[] = [];
  if (input.frontend !== undefined) {
    if (input.inertFrontend) lines.push("# BentoML's frontend line, kept as it writes it:");
    lines.push(`# syntax = ${input.frontend}`);
    if (input.inertFrontend) lines.push("#");
  }
  if (input.addHeader) lines.push(...GENERATED_HEADER);
  return lines;
}
