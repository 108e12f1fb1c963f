import { describe, expect, it } from "vitest";
import { wantedFile } from "./patterns.js";

describe("wantedFile (huggingface_hub's allow/ignore patterns)", () => {
  it.each([
    ["config.json", ["*.json"], undefined, true],
    ["sub/config.json", ["*.json"], undefined, true], // fnmatch's * crosses /
    ["model.bin", ["*.json"], undefined, false],
    ["tokenizer/vocab.txt", ["tokenizer/"], undefined, true], // a trailing / means all below
    ["tokenizer.json", ["tokenizer/"], undefined, false],
    ["model-00001.safetensors", ["model-0000?.safetensors"], undefined, true],
    ["model-a.bin", ["model-[!0-9].bin"], undefined, true],
    ["model-1.bin", ["model-[!0-9].bin"], undefined, false],
    ["README.md", undefined, ["README*"], false],
    ["README.md", ["*.md"], ["README*"], false], // exclude wins
    ["a+b(c).txt", ["a+b(c).txt"], undefined, true], // regex characters are literal
    ["anything", [], undefined, true],
  ] as const)("%s with include %j, exclude %j: %s", (path, include, exclude, wanted) => {
    expect(wantedFile(path, include, exclude)).toBe(wanted);
  });
});
