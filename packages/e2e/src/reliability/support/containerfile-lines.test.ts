import { describe, expect, it } from "vitest";
import { instructions, logicalLines, onlySingleQuoted, strayLines } from "./containerfile-lines.js";

describe("logicalLines", () => {
  it("joins continuations, skips comments inside them, keeps top-level comments", () => {
    const text = "# syntax=x\nFROM a\nRUN echo 1 && \\\n# note\n    echo 2\n\nENV A=1\n";
    expect(logicalLines(text)).toEqual([
      { keyword: "#", text: "# syntax=x" },
      { keyword: "FROM", text: "FROM a" },
      { keyword: "RUN", text: "RUN echo 1 &&      echo 2" },
      { keyword: "ENV", text: "ENV A=1" },
    ]);
  });

  it("finds a line that a newline in a value started, and a dangling continuation", () => {
    expect(strayLines("FROM a\nENV A=x\npwned\n").map((l) => l.keyword)).toEqual(["PWNED"]);
    expect(instructions("FROM a\nRUN x \\\n").map((l) => l.keyword)).toEqual([
      "FROM",
      "<unterminated>",
    ]);
  });
});

describe("onlySingleQuoted", () => {
  it.each([
    ["apt-get install 'a;b'", "a;b", true],
    ["apt-get install a;b", "a;b", false],
    [`apt-get install "$(x)"`, "$(x)", false],
    [`echo 'it'"'"'s $(x)'`, "$(x)", true],
    ["echo \\'$(x)\\'", "$(x)", false],
  ])("%s: %s quoted is %s", (command, needle, expected) => {
    expect(onlySingleQuoted(command, needle)).toBe(expected);
  });
});
