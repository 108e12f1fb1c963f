import type { StepProgress } from "@bento/container-core";

/** `[3/12] RUN echo built`: the step counter and the instruction on one line. Pure. */
export function formatStep(step: StepProgress): string {
  const counter = step.total === undefined ? `${step.current}` : `${step.current}/${step.total}`;
  return `[${counter}] ${step.text.replace(/\s+/g, " ").trim()}`;
}

/** `text` cut to `width` columns, an ellipsis marking the cut. Pure. */
export function fit(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`;
}

/** Where progress goes: one line redrawn in place on a terminal, a line per update elsewhere. */
export interface StatusLine {
  show(text: string): void;
  /** Ends the redrawn line so that other output starts on a fresh one. */
  done(): void;
}

/** A {@link StatusLine} on `stream` (stderr, so stdout keeps only the JSON). */
export function statusLine(stream: NodeJS.WriteStream): StatusLine {
  if (!stream.isTTY) return { show: (text) => stream.write(`${text}\n`), done: () => {} };
  let open = false;
  return {
    show(text) {
      stream.write(`\r\x1b[2K${fit(text, (stream.columns || 80) - 1)}`);
      open = true;
    },
    done() {
      if (open) stream.write("\n");
      open = false;
    },
  };
}
