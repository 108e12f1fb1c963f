import { type BuildEvent, formatArgv } from "@bento/container-core";
import type { OutStream } from "../io.js";
import { downloadLine, downloadPhase } from "./download.js";
import { paint } from "./style.js";

/** `--progress` as given. */
export type ProgressFlag = "auto" | "tty" | "plain" | "quiet";
/** How progress is drawn: a live status line, one line per event, or nothing. */
export type ProgressMode = "live" | "plain" | "quiet";

/** `auto` is a live line on a terminal and plain lines elsewhere. Pure. */
export function progressMode(flag: ProgressFlag, isTTY: boolean): ProgressMode {
  if (flag === "auto") return isTTY ? "live" : "plain";
  return flag === "tty" ? "live" : flag;
}

/** A build event as one prefixed line, or `undefined` for steps (their log line shows them). Pure. */
export function eventLine(event: BuildEvent, backend = "build"): string | undefined {
  switch (event.type) {
    case "bento":
      return `bento: ${event.tag} (${event.dir})`;
    case "health": {
      const { backend: name, version, binary } = event.report;
      const recalled = event.recalled ? " (healthy at its last check, unchanged since)" : "";
      return `backend: ${name}${version ? ` ${version}` : ""}${binary ? ` at ${binary}` : ""}${recalled}`;
    }
    case "context":
      return `context: ${event.dir} (${event.linked} linked, ${event.copied} copied, ${event.reused} reused, ${event.durationMs} ms)`;
    case "containerfile":
      return `containerfile: ${event.path}`;
    case "command":
      return `run: ${formatArgv(event.argv)}`;
    case "log":
      return `${backend} | ${event.line}`;
    case "step":
      return undefined;
    case "warning":
      return `warning: ${event.message}`;
    case "download":
      return downloadLine(event);
  }
}

/** What the live status line shows. */
export interface LiveState {
  /** What is happening before the backend reports steps. */
  phase: string;
  step?: { current: number; total?: number; text: string };
  /** The backend's latest log line, shown until the first step. */
  lastLine?: string;
}

/** `m:ss`. Pure. */
export function formatElapsed(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

/** The live status line, cut to `width` columns: step i/n, elapsed time, current instruction. Pure. */
export function statusLine(state: LiveState, elapsedMs: number, width: number): string {
  const { step } = state;
  const where = step
    ? `step ${step.current}${step.total === undefined ? "" : `/${step.total}`}`
    : state.phase;
  const what = step?.text ?? state.lastLine ?? "";
  const line = [where, formatElapsed(elapsedMs), what].filter(Boolean).join(" · ");
  const room = Math.max(width - 1, 10);
  return line.length > room ? `${line.slice(0, room - 1)}…` : line;
}

/** The phase that follows an event, for the status line. */
const NEXT_PHASE: Partial<Record<BuildEvent["type"], (backend: string) => string>> = {
  bento: () => "checking the backend",
  health: () => "staging the build context",
  context: () => "writing the Containerfile",
  command: (backend) => `building with ${backend}`,
};

/** Receives build events and draws them. */
export interface ProgressRenderer {
  onEvent(event: BuildEvent): void;
  /** Clears the live line and stops its clock. */
  stop(): void;
}

/** Options of {@link createProgress}. */
export interface ProgressOptions {
  color: boolean;
  now?: () => number;
  /** Redraw period of the live line's clock. */
  tickMs?: number;
}

/** A renderer writing to `stream` in the given mode. */
export function createProgress(
  mode: ProgressMode,
  stream: OutStream,
  options: ProgressOptions,
): ProgressRenderer {
  if (mode === "quiet") return { onEvent: () => {}, stop: () => {} };
  const now = options.now ?? Date.now;
  const started = now();
  const state: LiveState = { phase: "resolving the bento" };
  let backend = "build";
  const style = (line: string, event: BuildEvent) =>
    event.type === "warning" ? paint(line, "yellow", options.color) : line;
  if (mode === "plain") {
    return {
      onEvent(event) {
        if (event.type === "health") backend = event.report.backend;
        const line = eventLine(event, backend);
        if (line !== undefined) stream.write(`${style(line, event)}\n`);
      },
      stop: () => {},
    };
  }
  const clear = "\r\u001b[2K";
  const draw = () =>
    stream.write(`${clear}${statusLine(state, now() - started, stream.columns || 80)}`);
  let stopped = false;
  const timer = setInterval(draw, options.tickMs ?? 1000);
  timer.unref();
  draw();
  return {
    onEvent(event) {
      if (stopped) return;
      if (event.type === "health") backend = event.report.backend;
      state.phase = NEXT_PHASE[event.type]?.(backend) ?? state.phase;
      // BuildKit runs independent steps in parallel: show the furthest one reached.
      if (event.type === "step")
        state.step = event.current >= (state.step?.current ?? 0) ? event : state.step;
      else if (event.type === "log") state.lastLine = event.line.trim() || state.lastLine;
      else if (event.type === "download")
        state.phase = event.phase === "done" ? "staging the build context" : downloadPhase(event);
      const line =
        event.type === "step" || event.type === "log" ? undefined : eventLine(event, backend);
      if (line !== undefined) stream.write(`${clear}${style(line, event)}\n`);
      draw();
    },
    stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      stream.write(clear);
    },
  };
}
