import { describe, expect, it } from "vitest";
import { scanCommandLine } from "./global-args.js";

describe("scanCommandLine", () => {
  it("finds the command and keeps the other arguments for it", () => {
    expect(scanCommandLine(["--plugin", "kaniko", "health", "docker", "--json"])).toEqual({
      command: "health",
      rest: ["--plugin", "kaniko", "docker", "--json"],
      help: false,
      version: false,
      debug: false,
      json: true,
    });
  });

  it("answers --version and --help only without a command", () => {
    expect(scanCommandLine(["--version"])).toMatchObject({ command: undefined, version: true });
    expect(scanCommandLine(["-h"])).toMatchObject({ command: undefined, help: true });
    expect(scanCommandLine(["list", "--version"])).toMatchObject({
      command: "list",
      version: false,
    });
    expect(scanCommandLine(["list", "--help"])).toMatchObject({ command: "list", help: true });
  });

  it("sees --debug anywhere before --", () => {
    expect(scanCommandLine(["containerize", "x", "--debug"]).debug).toBe(true);
    expect(scanCommandLine(["containerize", "--", "--debug"]).debug).toBe(false);
  });

  it("has no command for an empty command line", () => {
    expect(scanCommandLine([])).toMatchObject({ command: undefined, rest: [], help: false });
  });
});
