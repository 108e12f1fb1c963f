import { describe, expect, it } from "vitest";
import { createStepTracker, parseStep } from "./progress.js";

describe("parseStep", () => {
  it.each([
    ["#7 [2/9] RUN uv venv /app/.venv", { current: 2, total: 9, text: "RUN uv venv /app/.venv" }],
    ["#12 [stage-1 3/4] COPY . ./", { current: 3, total: 4, text: "COPY . ./" }],
    ["STEP 5/12: ENV LANG=C.UTF-8", { current: 5, total: 12, text: "ENV LANG=C.UTF-8" }],
    ["STEP 5: ENV LANG=C.UTF-8", { current: 5, total: undefined, text: "ENV LANG=C.UTF-8" }],
    ["Step 1/8 : FROM python:3.11-slim", { current: 1, total: 8, text: "FROM python:3.11-slim" }],
  ])("reads %j", (line, step) => {
    expect(parseStep(line)).toEqual(step);
  });

  it.each([
    "#3 [internal] load .dockerignore",
    "#7 DONE 0.3s",
    "Successfully built abc",
    "COMMIT x",
  ])("ignores %j", (line) => {
    expect(parseStep(line)).toBeUndefined();
  });
});

describe("createStepTracker", () => {
  it("reports each step once", () => {
    const track = createStepTracker();
    const lines = [
      "#5 [1/3] FROM base",
      "#5 [1/3] FROM base",
      "#5 DONE",
      "#6 [2/3] RUN x",
      "#7 [3/3] COPY . .",
    ];
    expect(
      lines
        .map(track)
        .filter(Boolean)
        .map((s) => s?.current),
    ).toEqual([1, 2, 3]);
  });
});
