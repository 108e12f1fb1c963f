import { describe, expect, it } from "vitest";
import { OptionError } from "../errors.js";
import type { OptionTable } from "./option-table.js";
import { validateOptions } from "./validate-options.js";

const doc = "d";
const table = {
  noCache: { kind: "boolean", doc },
  progress: { kind: "string", doc, values: ["auto", "plain", "tty"] },
  shmSize: { kind: "number", doc },
  platform: { kind: "list", doc },
  buildArg: { kind: "pairs", doc, separator: "=" },
  ulimit: { kind: "ulimit", doc },
  volume: { kind: "tuple", doc },
} as const satisfies OptionTable;

describe("validateOptions", () => {
  it("accepts well-typed options and extraArgs", () => {
    expect(() =>
      validateOptions("docker", table, {
        noCache: true,
        progress: "plain",
        shmSize: 2,
        platform: ["a"],
        buildArg: { A: "1" },
        ulimit: { nofile: [1, 2] },
        volume: ["a", "b", "c"],
        extraArgs: ["--x"],
      }),
    ).not.toThrow();
  });

  it("names the closest option for a typo", () => {
    expect(() => validateOptions("docker", table, { noCach: true })).toThrow(
      /Unknown option "noCach" for the docker backend\. Did you mean "noCache"\?/,
    );
  });

  it("gives no guess for something far off", () => {
    expect(() => validateOptions("docker", table, { zzzzzzzz: 1 })).toThrow(
      /^Unknown option "zzzzzzzz" for the docker backend\.$/,
    );
  });

  it.each<[string, unknown, RegExp]>([
    ["noCache", "yes", /must be true or false, not the string "yes"/],
    ["progress", "fancy", /must be one of auto, plain, tty/],
    ["shmSize", "2g", /must be a number/],
    ["platform", 3, /a string or a list of strings/],
    ["buildArg", { A: 1 }, /a map of strings/],
    ["ulimit", { nofile: [1] }, /\[soft, hard\]/],
    ["extraArgs", "--x", /a list of strings/],
  ])("names the expected type of %s", (key, value, message) => {
    const error = (() => {
      try {
        validateOptions("docker", table, { [key]: value });
      } catch (e) {
        return e as OptionError;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(OptionError);
    expect(error?.message).toMatch(message);
    expect(error?.hint).toContain("bento backends");
  });
});
