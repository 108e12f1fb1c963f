import type { BuildEvent } from "@bento/container-core";
import { describe, expect, it } from "vitest";
import type { OutStream } from "../io.js";
import { createProgress, eventLine, formatElapsed, progressMode, statusLine } from "./progress.js";

const clearLine = "\r\u001b[2K";
const health: BuildEvent = {
  type: "health",
  report: { backend: "podman", healthy: true, version: "4.3.1", binary: "/usr/bin/podman" },
  recalled: false,
};

function recorder(isTTY: boolean, columns = 60): OutStream & { text: string } {
  return {
    isTTY,
    columns,
    text: "",
    write(chunk: string) {
      this.text += chunk;
    },
  };
}

describe("progressMode", () => {
  it.each([
    ["auto", true, "live"],
    ["auto", false, "plain"],
    ["tty", false, "live"],
    ["plain", true, "plain"],
    ["quiet", true, "quiet"],
  ] as const)("%s on a terminal=%s is %s", (flag, tty, mode) => {
    expect(progressMode(flag, tty)).toBe(mode);
  });
});

const download = {
  type: "download",
  modelId: "acme/tiny",
  commit: "a".repeat(40),
  files: 1,
  totalFiles: 4,
  bytes: 300 * 1024,
  totalBytes: 1.5 * 1024 * 1024,
} as const;

describe("eventLine", () => {
  it.each<[BuildEvent, string | undefined]>([
    [{ type: "bento", tag: "iris:v1", dir: "/b" }, "bento: iris:v1 (/b)"],
    [health, "backend: podman 4.3.1 at /usr/bin/podman"],
    [
      { ...health, recalled: true },
      "backend: podman 4.3.1 at /usr/bin/podman (healthy at its last check, unchanged since)",
    ],
    [
      { type: "context", dir: "/c", linked: 3, copied: 1, reused: 2, durationMs: 5 },
      "context: /c (3 linked, 1 copied, 2 reused, 5 ms)",
    ],
    [{ type: "containerfile", path: "/f" }, "containerfile: /f"],
    [
      { type: "command", argv: ["podman", "build", "--label", "a b", "/c"] },
      "run: podman build --label 'a b' /c",
    ],
    [{ type: "log", stream: "stderr", line: "STEP 1/2: FROM x" }, "podman | STEP 1/2: FROM x"],
    [{ type: "step", current: 1, total: 2, text: "FROM x" }, undefined],
    [{ type: "warning", message: "careful" }, "warning: careful"],
    [{ ...download, phase: "start" }, "download: acme/tiny@aaaaaaa (4 files, 1.5 MiB)"],
    [{ ...download, phase: "progress" }, undefined],
    [{ ...download, phase: "done" }, "download: acme/tiny@aaaaaaa done (4 files, 1.5 MiB)"],
  ])("renders %j", (event, line) => {
    expect(eventLine(event, "podman")).toBe(line);
  });
});

describe("statusLine", () => {
  it("shows step i/n, the elapsed time and the instruction", () => {
    const state = { phase: "building", step: { current: 3, total: 12, text: "RUN pip install" } };
    expect(statusLine(state, 74_500, 80)).toBe("step 3/12 · 1:14 · RUN pip install");
  });

  it("shows the phase and the last log line before the first step", () => {
    expect(statusLine({ phase: "building with docker", lastLine: "#1 load" }, 2_000, 80)).toBe(
      "building with docker · 0:02 · #1 load",
    );
    expect(statusLine({ phase: "staging" }, 0, 80)).toBe("staging · 0:00");
  });

  it("cuts the line to the terminal width", () => {
    const line = statusLine({ phase: "p", step: { current: 1, text: "x".repeat(200) } }, 0, 40);
    expect(line).toHaveLength(39);
    expect(line.endsWith("…")).toBe(true);
    expect(line.startsWith("step 1 · 0:00 · xxx")).toBe(true);
  });

  it("formats elapsed time as m:ss", () => {
    expect(formatElapsed(0)).toBe("0:00");
    expect(formatElapsed(59_999)).toBe("0:59");
    expect(formatElapsed(600_000)).toBe("10:00");
  });
});

describe("createProgress", () => {
  it("plain: one prefixed line per event and log line, no steps", () => {
    const out = recorder(false);
    const progress = createProgress("plain", out, { color: false });
    progress.onEvent(health);
    progress.onEvent({ type: "log", stream: "stdout", line: "STEP 1/2: FROM x" });
    progress.onEvent({ type: "step", current: 1, total: 2, text: "FROM x" });
    progress.stop();
    expect(out.text).toBe("backend: podman 4.3.1 at /usr/bin/podman\npodman | STEP 1/2: FROM x\n");
  });

  it("live: redraws one status line in place, keeps event lines, hides the log", () => {
    const out = recorder(true);
    let now = 1_000;
    const progress = createProgress("live", out, { color: false, now: () => now });
    progress.onEvent(health);
    now += 3_000;
    progress.onEvent({ type: "log", stream: "stdout", line: "secret build chatter" });
    progress.onEvent({ type: "step", current: 2, total: 9, text: "RUN make" });
    progress.onEvent({ type: "step", current: 1, total: 9, text: "FROM base" });
    progress.stop();
    progress.stop();
    const clear = clearLine;
    expect(out.text).toBe(
      [
        `${clear}resolving the bento · 0:00`,
        `${clear}backend: podman 4.3.1 at /usr/bin/podman\n`,
        `${clear}staging the build context · 0:00`,
        `${clear}staging the build context · 0:03 · secret build chatter`,
        `${clear}step 2/9 · 0:03 · RUN make`,
        `${clear}step 2/9 · 0:03 · RUN make`,
        clear,
      ].join(""),
    );
  });

  it("live: a model download shows its files and bytes on the status line", () => {
    const out = recorder(true);
    const progress = createProgress("live", out, { color: false, now: () => 0 });
    progress.onEvent({ ...download, phase: "start", files: 0, bytes: 0 });
    progress.onEvent({ ...download, phase: "progress" });
    progress.onEvent({ ...download, phase: "done", files: 4, bytes: download.totalBytes });
    progress.stop();
    expect(out.text).toBe(
      [
        `${clearLine}resolving the bento · 0:00`,
        `${clearLine}download: acme/tiny@aaaaaaa (4 files, 1.5 MiB)\n`,
        `${clearLine}downloading acme/tiny 0/4 files, 0 B/1.5 MiB · 0:00`,
        `${clearLine}downloading acme/tiny 1/4 files, 300 KiB/1.5 MiB · 0:00`,
        `${clearLine}download: acme/tiny@aaaaaaa done (4 files, 1.5 MiB)\n`,
        `${clearLine}staging the build context · 0:00`,
        clearLine,
      ].join(""),
    );
  });

  it("live: takes 80 columns when the terminal reports none", () => {
    const out = recorder(true, 0);
    const progress = createProgress("live", out, { color: false, now: () => 0 });
    progress.onEvent({ type: "step", current: 1, text: "x".repeat(100) });
    progress.stop();
    expect(out.text).toContain(`${clearLine}step 1 · 0:00 · ${"x".repeat(62)}…${clearLine}`);
  });

  it("live: draws nothing after stop", () => {
    const out = recorder(true);
    const progress = createProgress("live", out, { color: false, now: () => 0 });
    progress.stop();
    const before = out.text;
    progress.onEvent({ type: "log", stream: "stdout", line: "late" });
    expect(out.text).toBe(before);
  });

  it("quiet: writes nothing", () => {
    const out = recorder(true);
    const progress = createProgress("quiet", out, { color: false });
    progress.onEvent(health);
    progress.onEvent({ type: "warning", message: "w" });
    progress.stop();
    expect(out.text).toBe("");
  });

  it("colors warnings only when asked", () => {
    const out = recorder(false);
    createProgress("plain", out, { color: true }).onEvent({ type: "warning", message: "w" });
    expect(out.text).toBe("\u001b[33mwarning: w\u001b[0m\n");
  });
});
