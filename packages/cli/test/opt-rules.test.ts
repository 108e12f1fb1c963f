import { describe, expect, it } from "vitest";
import { runCli } from "./helpers/run-cli.js";
import { FIXTURE_BENTO as BENTO, cliSandbox } from "./helpers/sandbox.js";

// BentoML's `--opt` rules through `bento containerize --dry-run --json`, on the official podman
// and buildah backends with stand-in binaries that answer their version probes.

const box = cliSandbox(async (box) => {
  await box.standIn("podman", 'console.log("podman version 4.3.1");');
  await box.standIn("buildah", 'console.log("buildah version 1.33.5 (image-spec 1.1.0)");');
});

async function dryRun(backend: string, opts: string[]) {
  const args = ["containerize", BENTO, "--backend", backend, "--dry-run", "--json", ...opts];
  return runCli(args, { env: box().env(), cwd: box().root });
}

function flagValues(argv: string[], flag: string): string[] {
  return argv.flatMap((arg, i) => (arg === flag ? [argv[i + 1]!] : []));
}

describe("--opt rules as BentoML's", () => {
  it.each(["podman", "buildah"])(
    "--opt env=K=V on %s is its --env, once per value",
    async (backend) => {
      const result = await dryRun(backend, ["--opt", "env=A=1", "--opt", "env:B=two words"]);
      expect(result.exitCode, result.stderr).toBe(0);
      expect(flagValues(JSON.parse(result.stdout).argv, "--env")).toEqual(["A=1", "B=two words"]);
    },
  );

  it.each(["podman", "buildah"])(
    "--opt progress on %s (no BuildKit) is dropped with a warning",
    async (backend) => {
      const result = await dryRun(backend, ["--opt", "progress=plain"]);
      expect(result.exitCode, result.stderr).toBe(0);
      const json = JSON.parse(result.stdout);
      expect(json.argv.join(" ")).not.toContain("--progress");
      expect(json.warnings).toEqual([
        `progress=plain dropped: the ${backend} backend builds without BuildKit, which --progress needs.`,
      ]);
    },
  );

  it("a single-valued option given two different values is refused, naming both", async () => {
    const result = await dryRun("podman", ["--opt", "shm-size=1g", "--opt", "shm-size=2g"]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(
      "--opt shm-size was given 2 different values (1g, 2g), and shm-size takes one.",
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
    const flag = await dryRun("podman", ["--opt", "no-cache", "--opt", "no-cache=false"]);
    expect(flag.exitCode).toBe(2);
    expect(flag.stderr).toContain("--opt no-cache was given 2 different values (true, false)");
  });

  it("the same value repeated is one flag; list options repeat their flag", async () => {
    const result = await dryRun("podman", [
      ...["--opt", "memory=2g", "--opt", "memory=2g"],
      ...["--opt", "cap-add=NET_ADMIN", "--opt", "cap-add=SYS_PTRACE"],
      ...["--opt", "cpu-shares=512", "--opt", "cgroup-parent=bento.slice"],
    ]);
    expect(result.exitCode, result.stderr).toBe(0);
    const { argv } = JSON.parse(result.stdout);
    expect(flagValues(argv, "--memory")).toEqual(["2g"]);
    expect(flagValues(argv, "--cap-add")).toEqual(["NET_ADMIN", "SYS_PTRACE"]);
    expect(flagValues(argv, "--cpu-shares")).toEqual(["512"]);
    expect(flagValues(argv, "--cgroup-parent")).toEqual(["bento.slice"]);
  });

  it("BentoML's deprecated --sbom is --opt sbom with a note, refused by name on podman", async () => {
    const result = await dryRun("podman", ["--sbom", "generator=x"]);
    expect(result.stderr).toContain("--sbom is deprecated; use --opt sbom=generator=x instead.");
    // podman has no attestations: the option is refused by name, not dropped.
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/sbom/);
  });
});
