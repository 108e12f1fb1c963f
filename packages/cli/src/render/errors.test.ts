import { BackendUnavailableError, CommandFailedError, OptionError } from "@bento/container-core";
import { describe, expect, it } from "vitest";
import { errorExitCode, errorJson, formatError, isBentoLike } from "./errors.js";

const plain = { debug: false, color: false, showTail: true };

describe("formatError", () => {
  it("is one paragraph: the message, then the hint", () => {
    const error = new OptionError('Unknown option "x".', { hint: "Run `bento backends`." });
    expect(formatError(error, plain)).toBe('error: Unknown option "x".\nRun `bento backends`.\n');
  });

  it("shows a failed command's last lines when the log was not streamed", () => {
    const error = new CommandFailedError("Command failed: docker build /c, exit code: 1", {
      argv: ["docker", "build", "/c"],
      engineExitCode: 1,
      outputTail: "step 3\nno space left\n",
      hint: "Read the output.",
    });
    expect(formatError(error, plain)).toBe(
      [
        "error: Command failed: docker build /c, exit code: 1",
        "  | step 3",
        "  | no space left",
        "Read the output.",
        "",
      ].join("\n"),
    );
    expect(formatError(error, { ...plain, showTail: false })).not.toContain("no space left");
  });

  it("adds the stack only with --debug", () => {
    const error = new OptionError("bad", { cause: new Error("root cause") });
    expect(formatError(error, plain)).not.toContain("at ");
    const debug = formatError(error, { ...plain, debug: true });
    expect(debug).toMatch(/OptionError: bad\n\s+at /);
    expect(debug).toContain("Caused by:\nError: root cause");
  });

  it("calls anything else a bug and asks to report it", () => {
    const text = formatError(new TypeError("x is undefined"), plain);
    expect(text).toMatch(/^error: TypeError: x is undefined\nThis is a bug in bento/);
    expect(text).toContain("/issues");
    expect(text).toContain("--debug");
    expect(text).not.toContain("    at ");
    expect(formatError("a string", { ...plain, debug: true })).toContain("error: a string");
  });

  it("colors the label on request", () => {
    expect(formatError(new OptionError("m"), { ...plain, color: true })).toBe(
      "\u001b[31merror:\u001b[0m m\n",
    );
  });
});

describe("exit codes and JSON", () => {
  it("uses the error's exit code, 1 for bugs", () => {
    expect(errorExitCode(new OptionError("m"))).toBe(2);
    expect(errorExitCode(new BackendUnavailableError("m"))).toBe(3);
    expect(errorExitCode(new Error("m"))).toBe(1);
  });

  it("recognises errors of another copy of core by shape", () => {
    const foreign = Object.assign(new Error("m"), { code: "E_X", exitCode: 2 });
    expect(isBentoLike(foreign)).toBe(true);
    expect(isBentoLike({ code: "E_X", exitCode: 2 })).toBe(false);
  });

  it("gives one JSON object for --json", () => {
    expect(JSON.parse(errorJson(new OptionError("m", { hint: "h" })))).toEqual({
      error: { code: "E_OPTION", message: "m", hint: "h", exitCode: 2 },
    });
    expect(JSON.parse(errorJson(new RangeError("r")))).toEqual({
      error: { code: "E_INTERNAL", message: "RangeError: r", exitCode: 1 },
    });
  });
});
