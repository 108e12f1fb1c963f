import { backendEnv, which } from "@bento/container-core";
import { exec, requireEngine } from "@bento/test-support";
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
    const help = await exec([...command, "--help"], { env });
    expect(help.exitCode, help.stderr).toBe(0);
    const listed = new Set([...help.stdout.matchAll(/--([a-z][a-z0-9-]*)/g)].map((m) => m[1]));
    expect(argv).toContain("--pull=always");
    const hidden: string[] = [];
    for (const [i, token] of argv.entries()) {
      const flag = /^--([a-z0-9-]+)/.exec(token)?.[1];
      if (flag === undefined || listed.has(flag)) continue;
      const value = token.includes("=") || argv[i + 1]?.startsWith("--") ? [] : [argv[i + 1]!];
      const parsed = await exec([...command, token, ...value, "--help"], { env });
      expect(parsed.exitCode, `${token}: ${parsed.stderr}`).toBe(0);
      hidden.push(flag);
    }
    const bogus = await exec([...command, "--bento-no-such-flag", "--help"], { env });
    expect(bogus.exitCode).not.toBe(0);
    if (hidden.length)
      console.info(`buildah build accepts these hidden flags: ${hidden.join(", ")}`);
  });
});
