import { describe, expect, it } from "vitest";
import { noArguments, oneOf, parseCommandArgs, strings } from "./args.js";
import type { FlagTable } from "./flags.js";

const flags = {
  "image-tag": { type: "string", short: "t", multiple: true, doc: "" },
  opt: { type: "string", multiple: true, doc: "" },
  json: { type: "boolean", doc: "" },
  secret: { type: "string", multiple: true, hidden: true, doc: "" },
} as const satisfies FlagTable;

describe("parseCommandArgs", () => {
  it("parses the command's flags, the global ones and positionals", () => {
    const parsed = parseCommandArgs(
      "x",
      [
        "bento",
        "-t",
        "a:1",
        "--image-tag=b:2",
        "--opt",
        "no-cache",
        "--json",
        "--debug",
        "--plugin",
        "p",
      ],
      flags,
    );
    expect(parsed.positionals).toEqual(["bento"]);
    expect(parsed.values).toMatchObject({
      "image-tag": ["a:1", "b:2"],
      opt: ["no-cache"],
      json: true,
      debug: true,
      plugin: ["p"],
    });
  });

  it("names the closest visible flag for an unknown one", () => {
    expect(() => parseCommandArgs("x", ["--jsn"], flags)).toThrow(
      "bento x has no flag --jsn. Did you mean --json?",
    );
    expect(() => parseCommandArgs("x", ["-q"], flags)).toThrow("bento x has no flag -q.");
  });

  it("does not mistake a flag's value for a flag", () => {
    expect(parseCommandArgs("x", ["--opt=--weird"], flags).values.opt).toEqual(["--weird"]);
    expect(() => parseCommandArgs("x", ["--opt", "--weird"], flags)).toThrow(
      /argument is ambiguous[\s\S]*--opt=-XYZ/,
    );
  });

  it("turns parse failures into usage errors", () => {
    expect(() => parseCommandArgs("x", ["--json=yes"], flags)).toThrow(
      expect.objectContaining({ code: "E_USAGE", exitCode: 2 }),
    );
    expect(() => parseCommandArgs("x", ["-t"], flags)).toThrow(/argument missing/);
  });
});

describe("helpers", () => {
  it("oneOf accepts allowed values and names them otherwise", () => {
    expect(oneOf("layout", "compat", ["layered", "compat"])).toBe("compat");
    expect(oneOf("layout", undefined, ["layered", "compat"])).toBeUndefined();
    expect(() => oneOf("layout", "flat", ["layered", "compat"])).toThrow(
      '--layout must be one of layered, compat, not "flat".',
    );
  });

  it("strings flattens a repeatable flag", () => {
    expect(strings(undefined)).toEqual([]);
    expect(strings("a")).toEqual(["a"]);
    expect(strings(["a", "b"])).toEqual(["a", "b"]);
  });

  it("noArguments refuses positionals", () => {
    expect(() => noArguments("list", [])).not.toThrow();
    expect(() => noArguments("list", ["x"])).toThrow("bento list takes no arguments, got: x.");
  });
});
