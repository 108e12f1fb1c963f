import { describe, expect, it } from "vitest";
import { runCli } from "./helpers/run-cli.js";
import { cliSandbox } from "./helpers/sandbox.js";

const OFFICIAL = ["docker", "buildx", "podman", "buildah", "nerdctl", "buildctl"];

const box = cliSandbox(async (box) => {
  // The only binary on PATH: a buildah that answers its version.
  await box.standIn("buildah", 'console.log("buildah version 1.33.5 (image-spec 1.1.0)");');
});

describe("bento backends", () => {
  it("lists the six official backends with their source, options and capabilities", async () => {
    const result = await runCli(["backends"], { env: box().env() });
    expect(result.exitCode).toBe(0);
    for (const name of OFFICIAL) {
      expect(result.stdout).toMatch(
        new RegExp(`^${name}  .*\\n  from:     @bento/backend-${name}\\n`, "m"),
      );
    }
    expect(result.stdout).toMatch(/^ {4}build-arg +KEY=VALUE\.\.\. +\S/m);
    expect(result.stdout).toMatch(new RegExp(`\\nCAPABILITY +${OFFICIAL.join(" +")}\\n`));
  });

  it("--json gives the same registry as data", async () => {
    const result = await runCli(["backends", "--json"], { env: box().env() });
    expect(result.exitCode).toBe(0);
    const backends = JSON.parse(result.stdout) as {
      name: string;
      source: string;
      options: { opt: string; kind: string; doc: string }[];
      capabilities: Record<string, unknown>;
    }[];
    expect(backends.map((backend) => backend.name)).toEqual(OFFICIAL);
    for (const backend of backends) {
      expect(backend.source).toBe(`@bento/backend-${backend.name}`);
      expect(backend.options.length).toBeGreaterThan(3);
      expect(backend.options.every((option) => option.doc.length > 0)).toBe(true);
      expect(Object.keys(backend.capabilities)).toContain("secretMount");
    }
    const docker = backends.find((backend) => backend.name === "docker")!;
    expect(docker.options.find((option) => option.opt === "no-cache")?.kind).toBe("boolean");
  });
});

describe("bento health", () => {
  it("tabulates every backend and exits 0 when one is healthy", async () => {
    const result = await runCli(["health"], { env: box().env() });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(
      new RegExp(`^buildah +healthy +1\\.33\\.5 +${box().bin}/buildah\\n`, "m"),
    );
    expect(result.stdout).toMatch(/^docker +unhealthy +- +- +`docker` is not on PATH\n/m);
    for (const name of OFFICIAL) expect(result.stdout).toMatch(new RegExp(`^${name} `, "m"));
  });

  it("exits 3 when the named backend is unhealthy", async () => {
    const result = await runCli(["health", "docker"], { env: box().env() });
    expect(result.exitCode).toBe(3);
    expect(result.stdout).toMatch(/^docker +unhealthy/m);
    expect(result.stdout).not.toMatch(/^buildah/m);
  });

  it("exits 0 for a healthy named backend and gives JSON reports", async () => {
    const result = await runCli(["health", "buildah", "--json"], { env: box().env() });
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([
      {
        backend: "buildah",
        healthy: true,
        binary: `${box().bin}/buildah`,
        version: "1.33.5",
        capabilities: expect.objectContaining({ cacheMount: true, buildkitSyntax: false }),
      },
    ]);
  });

  it("exits 3 when no backend is healthy", async () => {
    const result = await runCli(["health"], { env: box().env({ PATH: box().root }) });
    expect(result.exitCode).toBe(3);
    expect(result.stdout).not.toMatch(/ healthy /);
  });

  it("an unknown backend is a usage error listing the registered ones", async () => {
    const result = await runCli(["health", "kaniko"], { env: box().env() });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(
      `Unknown backend "kaniko". Registered backends: ${OFFICIAL.join(", ")}.`,
    );
  });

  it("a misspelt backend name gets a did-you-mean", async () => {
    const result = await runCli(["health", "podmn"], { env: box().env() });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('Unknown backend "podmn". Did you mean "podman"?');
  });
});
