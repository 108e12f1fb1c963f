import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, startCli } from "./helpers/run-cli.js";
import { FIXTURE_BENTO as BENTO, cliSandbox } from "./helpers/sandbox.js";
import {
  installStandinPlugin,
  PLUGIN,
  STANDIN_IMAGE_ID,
  standinCalls,
} from "./helpers/standin-plugin.js";

// The fixture's creation_time, 2026-01-01T00:00:00+00:00, in seconds.
const EPOCH = "1767225600";
const LABELS = [
  "org.opencontainers.image.title=s2-basic",
  "org.opencontainers.image.version=v1abc",
  "org.opencontainers.image.created=2026-01-01T00:00:00+00:00",
  "ai.bentoml.bento=s2-basic:v1abc",
];
let run = 0;
const box = cliSandbox(async (box) => {
  await installStandinPlugin(box);
});

/** Runs `bento containerize` with the stand-in backend; each run gets its own call log. */
function containerize(args: string[], extraEnv: Record<string, string> = {}) {
  const log = join(box().root, `calls-${++run}.jsonl`);
  const env = box().env({ STANDIN_LOG: log, BENTO_BACKEND_PLUGINS: PLUGIN, ...extraEnv });
  const argv = ["containerize", BENTO, "--backend", "standin", ...args];
  return { log, result: runCli(argv, { env, cwd: box().root }) };
}

/**
 * The argv the stand-in gets for the fixture: tags, file, the build args (the
 * epoch first), the bento labels, then the remaining flags in table order.
 */
function expectedArgs(tags: string[], buildArgs: string[], rest: unknown[]): unknown[] {
  return [
    "build",
    ...tags.flatMap((tag) => ["--tag", tag]),
    "--file",
    expect.stringMatching(/containerfiles\/s2-basic-v1abc-[0-9a-f]+\.Dockerfile$/),
    ...[`SOURCE_DATE_EPOCH=${EPOCH}`, ...buildArgs].flatMap((arg) => ["--build-arg", arg]),
    ...LABELS.flatMap((label) => ["--label", label]),
    ...rest,
    BENTO,
  ];
}

const IIDFILE = ["--iidfile", expect.stringMatching(/\/run-[^/]+\/image-id$/)];

describe("bento containerize with a recording stand-in backend", () => {
  it("builds: exact argv, then the image id, the tags and how to run it", async () => {
    const { log, result } = containerize([
      "-t",
      "s2:1.0",
      "-t",
      "s2:latest",
      "--opt",
      "build-arg=FOO=bar",
      "--opt",
      "no-cache",
    ]);
    const { exitCode, stdout, stderr } = await result;
    expect(stderr).toContain("standin | STEP 2/2: COPY . .\n");
    expect(exitCode).toBe(0);
    const [call] = await standinCalls(log);
    expect(call).toEqual(
      expectedArgs(["s2:1.0", "s2:latest"], ["FOO=bar"], ["--no-cache", ...IIDFILE]),
    );
    expect(stdout).toMatch(/^Built s2:1\.0, s2:latest with standin in \d+\.\d s\n/);
    expect(stdout).toContain(`Image id: ${STANDIN_IMAGE_ID}\n`);
    expect(stdout).toContain("Tags:     s2:1.0 s2:latest\n");
    expect(stdout).toContain("Run it with:\n  docker run --rm -p 3000:3000 s2:1.0\n");
  });

  it("--dry-run --json prints one JSON object with the argv and runs nothing", async () => {
    const { log, result } = containerize(["--dry-run", "--json"]);
    const { exitCode, stdout } = await result;
    expect(exitCode).toBe(0);
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).toEqual([
      "imageId",
      "tags",
      "backend",
      "argv",
      "containerfile",
      "durationMs",
      "reproducible",
      "warnings",
      "dryRun",
      "reused",
      "environment",
    ]);
    expect(json).toMatchObject({
      imageId: null,
      tags: ["s2-basic:v1abc"],
      backend: "standin",
      dryRun: true,
      reused: false,
      reproducible: { applied: true },
      environment: null,
    });
    expect(json.argv).toEqual(["standin-build", ...expectedArgs(["s2-basic:v1abc"], [], [])]);
    expect(existsSync(json.containerfile)).toBe(true);
    expect(await readFile(json.containerfile, "utf8")).toContain("FROM python:3.11-slim");
    expect(await standinCalls(log)).toEqual([]);
  });

  it("--dry-run without --json prints the Containerfile location and the command", async () => {
    const { result } = containerize(["--dry-run", "--opt", "platform=linux/amd64"]);
    const { exitCode, stdout } = await result;
    expect(exitCode).toBe(0);
    expect(stdout).toMatch(
      /^Dry run with standin; nothing was built\.\nContainerfile: \/.+\.Dockerfile\n/,
    );
    expect(stdout).toMatch(
      /\nCommand:\n {2}standin-build build --tag s2-basic:v1abc --file \S+ .*--platform linux\/amd64 .*\n$/,
    );
  });

  it("--json after a build gives the image id and the argv that ran", async () => {
    const { log, result } = containerize(["--json", "--progress", "quiet"]);
    const { exitCode, stdout, stderr } = await result;
    expect(exitCode).toBe(0);
    expect(stderr).toBe("");
    const json = JSON.parse(stdout);
    expect(json).toMatchObject({
      imageId: STANDIN_IMAGE_ID,
      tags: ["s2-basic:v1abc"],
      dryRun: false,
    });
    const [call] = await standinCalls(log);
    expect(json.argv).toEqual(["standin-build", ...call!]);
  });

  it("accepts BentoML's direct flags with a deprecation note", async () => {
    const { log, result } = containerize([
      "--build-arg",
      "X=1",
      "--no-cache",
      "--platform",
      "linux/arm64",
    ]);
    const { exitCode, stderr } = await result;
    expect(exitCode).toBe(0);
    expect(stderr).toContain(
      "warning: --build-arg is deprecated; use --opt build-arg=X=1 instead.\n",
    );
    expect(stderr).toContain("warning: --no-cache is deprecated; use --opt no-cache instead.\n");
    const [call] = await standinCalls(log);
    expect(call).toEqual(
      expectedArgs(
        ["s2-basic:v1abc"],
        ["X=1"],
        ["--no-cache", ...IIDFILE, "--platform", "linux/arm64"],
      ),
    );
  });

  it("--progress quiet prints only the result", async () => {
    const { result } = containerize(["--progress", "quiet", "--build-arg", "X=1"]);
    const { exitCode, stdout, stderr } = await result;
    expect(exitCode).toBe(0);
    expect(stderr).toBe("");
    expect(stdout).toMatch(/^Built s2-basic:v1abc with standin/);
  });

  it("--progress tty draws the live status line instead of the log", async () => {
    const { result } = containerize(["--progress", "tty"]);
    const { exitCode, stderr } = await result;
    expect(exitCode).toBe(0);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the live line's escape codes are the point
    expect(stderr).toMatch(/\r\u001b\[2Kstep 2\/2 · \d+:\d\d · COPY \. \./);
    expect(stderr).toContain("\r\u001b[2Kbackend: standin 1.0.0 at ");
    expect(stderr).not.toContain("standin | ");
  });

  it("--no-labels and --no-reproducible leave the labels and the epoch out", async () => {
    const { log, result } = containerize(["--no-labels", "--no-reproducible", "--json"]);
    const { exitCode, stdout } = await result;
    expect(exitCode).toBe(0);
    const [call] = await standinCalls(log);
    expect(call).not.toContain("--label");
    expect(call!.join(" ")).not.toContain("SOURCE_DATE_EPOCH");
    expect(JSON.parse(stdout).reproducible).toEqual({
      applied: false,
      reason: "turned off (reproducible: false)",
    });
  });

  it("a failing backend exits 1 with the command and its last output lines", async () => {
    const { result } = containerize(["--progress", "quiet"], { STANDIN_MODE: "fail" });
    const { exitCode, stdout, stderr } = await result;
    expect(exitCode).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toMatch(
      /^error: Command failed: standin-build build --tag s2-basic:v1abc .*, exit code: 3\n/,
    );
    expect(stderr).toContain(
      "  | STEP 1/2: FROM python:3.11-slim\n  | boom: no space left on device\n",
    );
    expect(stderr).toContain("Read the build output above for the failing step");
  });

  it("a failing backend with streamed logs does not repeat them in the error", async () => {
    const { result } = containerize(["--progress", "plain"], { STANDIN_MODE: "fail" });
    const { exitCode, stderr } = await result;
    expect(exitCode).toBe(1);
    expect(stderr).toContain("standin | boom: no space left on device\n");
    expect(stderr.match(/no space left/g)).toHaveLength(1);
  });

  it("an error that is not a BentoError is reported as a bug, exit 1", async () => {
    const { result } = containerize(["--json"], { STANDIN_ARGS_BUG: "1" });
    const { exitCode, stdout, stderr } = await result;
    expect(exitCode).toBe(1);
    expect(stderr).toMatch(
      /error: TypeError: input\.tag\.flatMap is not a function\nThis is a bug in bento, not in your input\. Please report it at \S+\/issues, with the output of the same command run with --debug\.\n$/,
    );
    expect(JSON.parse(stdout).error).toMatchObject({ code: "E_INTERNAL", exitCode: 1 });
  });

  it.each([
    ["SIGTERM", 143],
    ["SIGINT", 130],
  ] as const)("%s stops the backend's process, cleans up and exits %i", async (signal, code) => {
    const pidfile = join(box().root, `standin-${signal}.pid`);
    const log = join(box().root, `calls-${signal}.jsonl`);
    const env = box().env({
      STANDIN_LOG: log,
      STANDIN_MODE: "sleep",
      STANDIN_PIDFILE: pidfile,
      BENTO_BACKEND_PLUGINS: PLUGIN,
    });
    const child = startCli(["containerize", BENTO, "--backend", "standin"], {
      env,
      cwd: box().root,
    });
    const deadline = Date.now() + 15_000;
    while (!existsSync(pidfile) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    const pid = Number(await readFile(pidfile, "utf8"));
    expect(isAlive(pid)).toBe(true);
    child.kill(signal);
    const result = await child;
    expect(result.exitCode).toBe(code);
    expect(String(result.stderr)).toContain(
      `Interrupted (${signal}): stopping the build and cleaning up`,
    );
    expect(String(result.stderr)).toMatch(
      /error: The build was interrupted: standin-build build .* was stopped\./,
    );
    expect(isAlive(pid)).toBe(false);
    // The run's private directory (where the image id would have gone) is removed.
    const [call] = await standinCalls(log);
    const iidfile = call![call!.indexOf("--iidfile") + 1]!;
    expect(iidfile).toMatch(/\/run-[^/]+\/image-id$/);
    expect(existsSync(dirname(iidfile))).toBe(false);
  });
});

describe("bento containerize with an official backend on a stand-in binary", () => {
  it("auto picks the first healthy backend; --dry-run --json gives its argv", async () => {
    await box().standIn("buildah", 'console.log("buildah version 1.33.5 (image-spec 1.1.0)");');
    const result = await runCli(["containerize", BENTO, "--dry-run", "--json", "-t", "s2:dry"], {
      env: box().env(),
      cwd: box().root,
    });
    expect(result.exitCode).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.backend).toBe("buildah");
    expect(json.argv.slice(0, 4)).toEqual(["buildah", "build", "--tag", "s2:dry"]);
    expect(json.argv).toContain("--timestamp");
    expect(json.argv[json.argv.indexOf("--timestamp") + 1]).toBe(EPOCH);
    expect(json.argv.at(-1)).toBe(BENTO);
    expect(json.reproducible).toEqual({ applied: true });
  });

  it("BENTOML_CONTAINERIZE_BACKEND names the backend when --backend is absent", async () => {
    const env = box().env({ BENTOML_CONTAINERIZE_BACKEND: "podman" });
    const result = await runCli(["containerize", BENTO], { env, cwd: box().root });
    expect(result.exitCode).toBe(3);
    expect(result.stderr).toContain("The podman backend cannot build on this machine");
  });

  it("--dry-run needs no engine: it prints the command and warns with the health verdict", async () => {
    const env = box().env();
    const args = ["containerize", BENTO, "--backend", "podman", "--dry-run", "--json"];
    const result = await runCli(args, { env, cwd: box().root });
    expect(result.exitCode, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.argv.slice(0, 2)).toEqual(["podman", "build"]);
    expect(json.argv.at(-1)).toBe(BENTO);
    expect(json.warnings.join("\n")).toMatch(
      /^Dry run: the podman backend cannot build on this machine \(.*podman.*\); the command is shown all the same\./m,
    );
    expect(result.stderr).toContain("warning: Dry run: the podman backend cannot build");
  });
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
