import { backendEnv, which } from "@bento/container-core";
import { exec, requireEngine } from "@bento/test-support";
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
    const help = await exec([...command, "--help"], { env });
    expect(help.exitCode, help.stderr).toBe(0);
    const listed = new Set([...help.stdout.matchAll(/--([a-z][a-z0-9-]*)/g)].map((m) => m[1]));
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
      console.info(`podman build accepts these hidden flags: ${hidden.join(", ")}`);
  });
});
