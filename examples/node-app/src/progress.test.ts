import { describe, expect, it } from "vitest";
import { fit, formatStep, statusLine } from "./progress.js";

describe("formatStep", () => {
  it("shows the counter and the instruction on one line", () => {
    const text = "RUN  if [ -d ./src ];     then INSTALL_ROOT=./src; fi";
    expect(formatStep({ current: 3, total: 12, text })).toBe(
      "[3/12] RUN if [ -d ./src ]; then INSTALL_ROOT=./src; fi",
    );
  });

  it("shows the step alone when the total is unknown", () => {
    expect(formatStep({ current: 4, text: "COPY . ./" })).toBe("[4] COPY . ./");
  });
});

describe("fit", () => {
  it("cuts long lines with an ellipsis", () => {
    expect(fit("abcdefgh", 5)).toBe("abcd…");
    expect(fit("abc", 5)).toBe("abc");
  });
});

describe("statusLine", () => {
  const sink = (isTTY: boolean) => {
    const chunks: string[] = [];
    const stream = {
      isTTY,
      columns: 12,
      write: (chunk: string) => chunks.push(chunk) > 0,
    } as unknown as NodeJS.WriteStream;
    return { stream, chunks };
  };

  it("redraws one line on a terminal", () => {
    const { stream, chunks } = sink(true);
    const line = statusLine(stream);
    line.show("[1/2] FROM base-image");
    line.show("[2/2] RUN x");
    line.done();
    line.done();
    expect(chunks).toEqual(["\r\x1b[2K[1/2] FROM…", "\r\x1b[2K[2/2] RUN x", "\n"]);
  });

  it("writes a line per update elsewhere", () => {
    const { stream, chunks } = sink(false);
    const line = statusLine(stream);
    line.show("[1/2] FROM base-image");
    line.done();
    expect(chunks).toEqual(["[1/2] FROM base-image\n"]);
  });
});
