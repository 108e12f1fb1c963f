import { backendEnv, which } from "@bento/container-core";
import { checkFlagsAgainstHelp, flagsMissingFromTable, requireEngine } from "@bento/test-support";
import { describe, expect, it } from "vitest";
import { everyBuildahOption } from "../test/every-option.js";
import { buildahBackend } from "./index.js";

// Real buildah: health, and every flag our options can produce against `buildah build --help`
// (a flag hidden from the help, like --cni-config-dir, must still be accepted by the parser).

const usable = await requireEngine("buildah");

describe.skipIf(!usable)("buildah against the real engine", () => {
  it("is healthy, with buildah's version and path", async () => {
    const report = await buildahBackend.diagnose();
    expect(report).toMatchObject({ backend: "buildah", healthy: true, binary: which("buildah") });
    expect(report.version).toMatch(/^\d+\.\d+/);
  });

  it("writes only flags that `buildah build` knows", async () => {
    const argv = buildahBackend.constructBuildArgs({
      ...everyBuildahOption,
      contextPath: ".",
      tag: ["bento-flags:1"],
      file: "Containerfile",
    });
    const command = ["buildah", ...buildahBackend.buildCommand];
    const env = backendEnv(buildahBackend);
    const check = await checkFlagsAgainstHelp(command, argv, env);
    expect(check.rejected).toEqual([]);
    expect(check.rejectsBogus).toBe(true);
    // Both ways: every flag the help lists has an option (FLAGS_SET_BY_BUILD aside).
    expect(flagsMissingFromTable(check.listed, buildahBackend.options)).toEqual([]);
    if (check.hidden.length)
      console.info(`buildah build accepts these hidden flags: ${check.hidden.join(", ")}`);
  });
});
