import { describe, expect, it } from "vitest";
import { unclearError } from "./clean-error.js";

const FAILED = "error: Command failed: docker buildx build --tag t:1 /ctx, exit code: 1";
const HINT = "Start the Docker daemon (`systemctl start docker`, or `dockerd`).";

describe("unclearError", () => {
  it("accepts one error that names the cause, after the engine's own output", () => {
    const stderr = [
      "docker | #5 [base-container  1/14] FROM bento-base:bookworm",
      "docker | #5 ...",
      "docker | #5 [base-container  1/14] FROM bento-base:bookworm",
      "docker | ERROR: failed to receive status: rpc error: code = Unavailable",
      FAILED,
      HINT,
    ].join("\n");
    expect(unclearError(stderr, /exit code: 1/)).toBeUndefined();
  });

  it("refuses our own line said twice, a stack trace, internals, or no match", () => {
    expect(unclearError([FAILED, HINT, HINT].join("\n"), /exit code: 1/)).toBe(
      "a line is printed twice",
    );
    expect(unclearError(`${FAILED}\n    at run (file.js:1:2)`, /exit code/)).toBe(
      "stderr holds a stack trace",
    );
    expect(unclearError(`${FAILED}: undefined`, /exit code/)).toBe("stderr leaks internals");
    expect(unclearError(FAILED, /no such text/)).toMatch(/^stderr does not match/);
    expect(unclearError("  ", /x/)).toBe("stderr is empty");
  });
});
