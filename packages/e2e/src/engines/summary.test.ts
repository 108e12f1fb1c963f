import { describe, expect, it } from "vitest";
import { declareCheck, recordOutcome, summaryTable } from "./summary.js";

describe("summaryTable", () => {
  it("shows declared checks as skipped, recorded ones as they ended, others as -", () => {
    declareCheck("image id", "docker");
    declareCheck("image id", "podman");
    recordOutcome("image id", "docker", "pass");
    recordOutcome("stand-in argv", "nerdctl", "known bug");
    expect(summaryTable().split("\n")).toEqual([
      "check          docker  buildx  buildctl  podman   buildah  nerdctl",
      "image id       pass    -       -         skipped  -        -",
      "stand-in argv  -       -       -         -        -        known bug",
    ]);
  });
});
