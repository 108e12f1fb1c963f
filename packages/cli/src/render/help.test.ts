import { describe, expect, it } from "vitest";
import { COMMANDS } from "../command-table.js";
import { commandHelp, globalHelp } from "./help.js";

describe("help", () => {
  it("lists every command with its summary", () => {
    const text = globalHelp(COMMANDS);
    for (const name of Object.keys(COMMANDS)) expect(text).toContain(`  ${name}`);
    expect(text).toContain(COMMANDS.health!.summary);
    expect(text).toContain("--version");
  });

  it("shows a command's visible flags and mentions the direct flags once", () => {
    const text = commandHelp(COMMANDS.containerize!);
    expect(text).toMatch(/^Usage: bento containerize BENTO \[flags\]\n/);
    expect(text).toMatch(/\n {2}-t, --image-tag NAME:TAG +Image tag/);
    expect(text).toMatch(/\n {6}--opt ARG\[=\|:\]VALUE +Backend option/);
    expect(text).toMatch(/\n {6}--plugin PACKAGE +Load a third-party backend/);
    expect(text).not.toMatch(/\n +--build-arg /);
    expect(text).toContain("--build-arg, ");
    expect(text).not.toContain("--docker-image-tag");
  });

  it("has no direct-flag note for commands without them", () => {
    expect(commandHelp(COMMANDS.list!)).not.toContain("older direct flags");
  });
});
