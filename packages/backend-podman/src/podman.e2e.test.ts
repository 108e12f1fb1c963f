import { backendEnv, which } from "@bento/container-core";
import { checkFlagsAgainstHelp, flagsMissingFromTable, requireEngine } from "@bento/test-support";
import { describe, expect, it } from "vitest";
import { everyPodmanOption } from "../test/every-option.js";
import { podmanBackend } from "./index.js";

// Real podman: health, and every flag our options can produce against `podman build --help`
// (a flag hidden from the help must still be accepted by podman's parser).

const usable = await requireEngine("podman");

describe.skipIf(!usable)("podman against the real engine", () => {
  it("is healthy, with podman's version and path", async () => {
    const report = await podmanBackend.diagnose();
    expect(report).toMatchObject({ backend: "podman", healthy: true, binary: which("podman") });
    expect(report.version).toMatch(/^\d+\.\d+/);
  });

  it("writes only flags that `podman build` knows", async () => {
    const argv = podmanBackend.constructBuildArgs({
      ...everyPodmanOption,
      contextPath: ".",
      tag: ["bento-flags:1"],
      file: "Containerfile",
    });
    const command = ["podman", ...podmanBackend.buildCommand];
    const env = backendEnv(podmanBackend);
    const check = await checkFlagsAgainstHelp(command, argv, env);
    expect(check.rejected).toEqual([]);
    expect(check.rejectsBogus).toBe(true);
    // Both ways: every flag the help lists has an option (FLAGS_SET_BY_BUILD aside).
    expect(flagsMissingFromTable(check.listed, podmanBackend.options)).toEqual([]);
    if (check.hidden.length)
      console.info(`podman build accepts these hidden flags: ${check.hidden.join(", ")}`);
  });
});
