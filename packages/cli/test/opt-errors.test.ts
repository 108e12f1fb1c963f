import { describe, expect, it } from "vitest";
import { runCli } from "./helpers/run-cli.js";
import { FIXTURE_BENTO as BENTO, cliSandbox } from "./helpers/sandbox.js";

const box = cliSandbox();

const containerize = (...args: string[]) =>
  runCli(["containerize", BENTO, "--backend", "docker", ...args], { env: box().env() });

// Each is refused before any backend is asked: docker is not even on this PATH.
describe("--opt errors", () => {
  it("an empty key is a usage error", async () => {
    const result = await containerize("--opt", "=x");
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe(
      'error: --opt "=x" has no option name.\n' +
        "Write --opt NAME=VALUE, --opt NAME:VALUE or --opt NAME, e.g. --opt build-arg=FOO=bar or --opt no-cache.\n",
    );
  });

  it("a misspelt option names the nearest one", async () => {
    const result = await containerize("--opt", "build-arg=A=1", "--opt", "no-cahe");
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(
      /^error: --opt no-cahe is not an option of the docker backend\. Did you mean --opt no-cache\?\n/,
    );
  });

  it("a value of the wrong kind is named with the expected kind", async () => {
    const result = await containerize("--opt", "isolation=chroot");
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain("must be one of default, process, hyperv");
  });

  it("an option build() reads itself points at the flag", async () => {
    const result = await containerize("--opt", "dry-run");
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain("Use --dry-run of bento containerize instead.");
  });

  it("--json also answers an error with one JSON object on stdout", async () => {
    const result = await containerize("--json", "--opt", "no-cahe");
    expect(result.exitCode).toBe(2);
    expect(JSON.parse(result.stdout)).toMatchObject({ error: { code: "E_OPTION", exitCode: 2 } });
  });

  it("a named backend that is not installed exits 3 with its health reason", async () => {
    const result = await containerize("--opt", "no-cache");
    expect(result.exitCode).toBe(3);
    expect(result.stderr).toMatch(
      /^error: The docker backend cannot build on this machine: `docker` is not on PATH\.\nInstall /m,
    );
  });
});
