import { access } from "node:fs/promises";
import { dirname } from "node:path";
import { AbortedError, build } from "@bento/container-core";
import "@bento/backend-docker";
import { describe, expect, it, onTestFinished } from "vitest";
import { describeRun, unclearError } from "../support/clean-error.js";
import { type CliResult, runCli, startCli } from "../support/cli.js";
import { unstable } from "../support/leftovers.js";
import { isAlive, waitFor } from "../support/processes.js";
import { type Sandbox, sandbox } from "../support/sandbox.js";
import { type StandIn, writeStandIn } from "../support/stand-in.js";
import type { StandInBehaviour } from "../support/stand-in-script.js";
import { withTmpdir } from "../support/with-tmpdir.js";
import { SECRET_NAME, secretValue, sha256, writeSecretBento } from "./secret-bento.js";

// Build-stage secrets with a stand-in docker that stats the --secret src file while it "builds":
// 0600 in a 0700 directory, the right content, and gone afterwards on every way out.

interface Scene {
  box: Sandbox;
  docker: StandIn;
  dir: string;
  secret: string;
  env: NodeJS.ProcessEnv;
}

async function scene(
  behaviour: Omit<StandInBehaviour, "serverVersion"> = {},
  yamlValue?: string,
): Promise<Scene> {
  const box = await sandbox("bento-secret-");
  onTestFinished(() => box.cleanup());
  const docker = await writeStandIn(box.bin, { serverVersion: "20.10.24", ...behaviour });
  const dir = await writeSecretBento(box, {}, yamlValue);
  const secret = secretValue();
  return { box, docker, dir, secret, env: box.env({ [SECRET_NAME]: secret }) };
}

/** The secret as the stand-in saw it: private, right content; and now removed with its dir. */
async function expectSecretHandled(s: Scene) {
  const [build] = await s.docker.builds();
  expect(build?.secrets).toEqual([
    expect.objectContaining({ id: SECRET_NAME, fileMode: 0o600, dirMode: 0o700 }),
  ]);
  expect(build!.secrets[0]!.sha256).toBe(sha256(s.secret));
  expect(build!.secrets[0]!.src.startsWith(`${s.box.tmp}/`)).toBe(true);
  await expect(access(dirname(build!.secrets[0]!.src))).rejects.toThrow();
  expect(unstable(await s.box.leftovers())).toEqual([]);
}

function expectNoSecretIn(s: Scene, result: CliResult) {
  expect(result.stdout).not.toContain(s.secret);
  expect(result.stderr).not.toContain(s.secret);
}

const cli = (s: Scene, flags: string[]) =>
  runCli(["containerize", s.dir, "--backend", "docker", ...flags], { env: s.env, cwd: s.box.work });

describe("build-stage secrets with a stand-in backend", () => {
  it("success: private file seen by the build, removed after, absent from --progress plain", async () => {
    const s = await scene({ buildOutput: ["#1 [1/2] FROM base", "#2 [2/2] RUN true"] });
    const result = await cli(s, ["--progress", "plain"]);
    expect(result.exitCode, describeRun(result)).toBe(0);
    expect(result.stdout + result.stderr).toContain("#2 [2/2] RUN true");
    expectNoSecretIn(s, result);
    await expectSecretHandled(s);
  });

  it("success with --json: the result names the secret's id, never its value", async () => {
    const s = await scene();
    const result = await cli(s, ["--json"]);
    expect(result.exitCode, describeRun(result)).toBe(0);
    const json = JSON.parse(result.stdout) as { argv: string[] };
    expect(json.argv.some((arg) => arg.startsWith(`id=${SECRET_NAME},src=`))).toBe(true);
    expectNoSecretIn(s, result);
    await expectSecretHandled(s);
  });

  it.each([
    ["''", ""],
    ["a stale value", "stale-value-in-bento-yaml"],
  ])("bento.yaml value %s: the environment's value wins", async (_, yamlValue) => {
    const s = await scene({}, yamlValue);
    const result = await cli(s, ["--json"]);
    expect(result.exitCode, describeRun(result)).toBe(0);
    expect(JSON.parse(result.stdout).warnings).toEqual([]);
    await expectSecretHandled(s);
  });

  it("neither the environment nor bento.yaml: exit 2 naming the env, nothing built or left", async () => {
    const s = await scene();
    const result = await runCli(["containerize", s.dir, "--backend", "docker"], {
      env: { ...s.env, [SECRET_NAME]: undefined },
      cwd: s.box.work,
    });
    expect(result.exitCode, describeRun(result)).toBe(2);
    expect(
      unclearError(
        result.stderr,
        new RegExp(`${SECRET_NAME} has no value.*Set ${SECRET_NAME}`, "s"),
      ),
    ).toBeUndefined();
    expect(await s.docker.builds()).toEqual([]);
    expect(unstable(await s.box.leftovers())).toEqual([]);
  });

  it("failure: exit 1 with the command named, secret removed", async () => {
    const s = await scene({ buildExitCode: 1, buildOutput: ["ERROR: step failed"] });
    const result = await cli(s, ["--progress", "plain"]);
    expect(result.exitCode, describeRun(result)).toBe(1);
    expect(unclearError(result.stderr, /docker build.*exit code: 1/s)).toBeUndefined();
    expectNoSecretIn(s, result);
    await expectSecretHandled(s);
  });

  it.each([
    ["SIGINT", [130]],
    ["SIGTERM", [130, 143]],
  ] as const)(
    "%s: exit %j, the backend's process tree stopped, secret removed",
    async (signal, exits) => {
      const s = await scene({ buildSleepMs: 60_000 });
      const run = startCli(["containerize", s.dir, "--backend", "docker"], {
        env: s.env,
        cwd: s.box.work,
      });
      const build = await waitFor("the stand-in build", async () => (await s.docker.builds())[0]);
      run.child.kill(signal);
      const result = await run.result;
      expect(exits, describeRun(result)).toContain(result.exitCode);
      expect(unclearError(result.stderr, /interrupt/i)).toBeUndefined();
      await waitFor("the build's processes to end", async () =>
        (await isAlive(build.pid)) || (await isAlive(build.childPid)) ? undefined : true,
      );
      expectNoSecretIn(s, result);
      await expectSecretHandled(s);
    },
  );

  it("AbortSignal from the API: AbortedError, process tree stopped, secret removed", async () => {
    const s = await scene({ buildSleepMs: 60_000 });
    const controller = new AbortController();
    const error = await withTmpdir(s.box.tmp, async () => {
      const pending = build(s.dir, { backend: "docker", env: s.env, signal: controller.signal });
      await waitFor("the stand-in build", async () => (await s.docker.builds())[0]);
      controller.abort();
      return pending.then(
        () => undefined,
        (e: unknown) => e,
      );
    });
    expect(error).toBeInstanceOf(AbortedError);
    expect(error).toMatchObject({ code: "E_ABORTED", exitCode: 130 });
    const [started] = await s.docker.builds();
    await waitFor("the build's processes to end", async () =>
      (await isAlive(started!.pid)) || (await isAlive(started!.childPid)) ? undefined : true,
    );
    await expectSecretHandled(s);
  });
});
