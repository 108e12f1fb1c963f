import { describe, expect, it } from "vitest";
import { describeFailure, exec } from "./exec.js";

describe("exec", () => {
  it("returns output and exit code without a shell", async () => {
    const result = await exec([
      process.execPath,
      "-e",
      "process.stdout.write('out $HOME'); process.stderr.write('err'); process.exitCode = 3",
    ]);
    expect(result).toEqual({ exitCode: 3, stdout: "out $HOME", stderr: "err" });
  });

  it("reports a binary that cannot start instead of rejecting", async () => {
    const result = await exec(["bento-no-such-binary-here"]);
    expect(result.exitCode).toBeUndefined();
    expect(result.spawnError).toBe("ENOENT");
  });
});

describe("describeFailure", () => {
  it("reads like the house's command errors, with the stderr tail", () => {
    expect(
      describeFailure(["podman", "build", "."], { exitCode: 1, stdout: "", stderr: "a\nb\n" }),
    ).toBe("Command failed: podman build ., exit code: 1\na\nb");
  });

  it("says when the command could not start", () => {
    expect(
      describeFailure(["x"], { exitCode: undefined, stdout: "", stderr: "", spawnError: "ENOENT" }),
    ).toBe("Command failed: x, could not start (ENOENT)");
  });
});
