import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { type RecordingStandIn, recordingStandIn, treeChecksum } from "@bento/test-support";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { writeSpec2Bento } from "../../test/helpers/bento-fixture.js";
import { rejectionOf } from "../../test/helpers/rejection.js";
import type { CapabilityTable } from "../backend/capabilities.js";
import type { BuildCommandContext } from "../backend/contract.js";
import { optionArgs } from "../backend/flags.js";
import type { OptionTable } from "../backend/option-table.js";
import { registerBackend, unregisterBackend } from "../backend/registry.js";
import {
  AbortedError,
  BackendUnavailableError,
  BentoNotFoundError,
  CommandFailedError,
  OptionError,
} from "../errors.js";
import { build } from "./build.js";
import { planBuild } from "./plan.js";
import { runPlan } from "./run.js";
import type { BuildEvent, BuildOptions } from "./types.js";

const table = {
  file: { kind: "string", doc: "Containerfile", path: true },
  tag: { kind: "list", doc: "tags" },
  iidfile: { kind: "string", doc: "image id file", path: true },
  label: { kind: "pairs", doc: "labels", separator: "=" },
  secret: { kind: "list", doc: "secrets" },
  noCache: { kind: "boolean", doc: "no cache" },
} as const satisfies OptionTable;

let work: string;
let bentoDir: string;
let home: string;
let cache: string;
let standIn: RecordingStandIn;

function registerStandIn(
  name: string,
  binary: string,
  buildCommand: string[] = ["build"],
  capabilities: CapabilityTable = {},
): void {
  registerBackend(name, {
    binary,
    buildCommand,
    buildkitSupport: true,
    env: { DOCKER_BUILDKIT: "1", STANDIN_DEFAULT: "default" },
    options: table,
    capabilities: { secretMount: true, ...capabilities },
    imageId: { option: "iidfile", parse: (text) => text.trim() || undefined },
    constructBuildArgs: ({ contextPath, ...options }) => [
      ...optionArgs(table, options),
      contextPath,
    ],
  });
}

function env(extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: standIn.pathEnv(),
    BENTOML_HOME: home,
    BENTO_CONTAINER_CACHE_DIR: cache,
    STANDIN_DEFAULT: "user wins",
    ...extra,
  };
}

async function run(options: Partial<BuildOptions> & Record<string, unknown> = {}) {
  return build(bentoDir, { backend: "standin", env: env(), ...options } as BuildOptions);
}

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), "bento-build-"));
  bentoDir = join(work, "bento");
  home = join(work, "home");
  cache = join(work, "cache");
  await writeSpec2Bento(bentoDir, home);
  standIn = await recordingStandIn("standin-builder", {
    flagFiles: { "--iidfile": "sha256:feedbeef\n" },
    stdout: "#1 [1/2] FROM base\n#2 [2/2] COPY . .\n",
    envKeys: ["DOCKER_BUILDKIT", "STANDIN_DEFAULT"],
  });
  registerStandIn("standin", "standin-builder");
});

afterEach(async () => {
  unregisterBackend("standin");
  await standIn.cleanup();
  await rm(work, { recursive: true, force: true });
});

describe("build", () => {
  it("runs the backend with the exact argv, merged env and the staged context as cwd", async () => {
    const before = [await treeChecksum(bentoDir), await treeChecksum(home)];
    const events: BuildEvent[] = [];
    const result = await run({ onEvent: (e) => events.push(e), noCache: true });
    const [call] = await standIn.calls();
    const context = join(cache, "contexts", "iris-v1");
    expect(call?.argv).toEqual([
      "build",
      "--file",
      result.containerfilePath,
      "--tag",
      "iris:v1",
      "--iidfile",
      expect.stringMatching(new RegExp(`^${cache}/run-`)),
      "--label",
      "org.opencontainers.image.title=iris",
      "--label",
      "org.opencontainers.image.version=v1",
      "--label",
      "org.opencontainers.image.created=2026-01-02T03:04:05+00:00",
      "--label",
      "ai.bentoml.bento=iris:v1",
      "--no-cache",
      context,
    ]);
    expect(result.argv).toEqual(["standin-builder", ...(call?.argv ?? [])]);
    expect(call?.cwd).toBe(context);
    expect(call?.env).toEqual({ DOCKER_BUILDKIT: "1", STANDIN_DEFAULT: "user wins" });
    expect(result).toMatchObject({
      imageId: "sha256:feedbeef",
      tags: ["iris:v1"],
      backend: "standin",
      dryRun: false,
    });
    expect(result.containerfilePath.startsWith(join(cache, "containerfiles"))).toBe(true);
    expect(await readFile(result.containerfilePath, "utf8")).toBe(result.containerfile);
    expect(existsSync(join(context, "models/iris_model/m1/saved_model.pkl"))).toBe(true);
    expect(events.filter((e) => e.type === "step")).toEqual([
      { type: "step", current: 1, total: 2, text: "FROM base" },
      { type: "step", current: 2, total: 2, text: "COPY . ." },
    ]);
    expect([await treeChecksum(bentoDir), await treeChecksum(home)]).toEqual(before);
    expect((await readdir(cache)).sort()).toEqual(["bento-yaml", "containerfiles", "contexts"]);
  });

  it("builds from the bento directory itself when it holds its models", async () => {
    const { cp } = await import("node:fs/promises");
    await cp(join(home, "models/iris_model/m1"), join(bentoDir, "models/iris_model/m1"), {
      recursive: true,
    });
    const result = await run();
    expect(result.contextPath).toBe(bentoDir);
    expect((await standIn.calls())[0]?.cwd).toBe(bentoDir);
  });

  it("takes image tags and leaves labels off when asked", async () => {
    const result = await run({ imageTag: ["a/b:1", "c:2"], labels: false });
    expect(result.argv.join(" ")).not.toContain("--label");
    expect(result.tags).toEqual(["a/b:1", "c:2"]);
  });

  it("prints the plan without running anything on a dry run", async () => {
    const result = await run({ dryRun: true });
    expect(await standIn.calls()).toEqual([]);
    expect(result).toMatchObject({ dryRun: true, imageId: undefined });
    expect(result.argv).not.toContain("--iidfile");
    expect((await readdir(cache)).filter((n) => n.startsWith("run-"))).toEqual([]);
    expect(existsSync(result.containerfilePath)).toBe(true);
  });

  it("passes build-stage envs as secret files that are gone afterwards", async () => {
    await rm(bentoDir, { recursive: true });
    await writeSpec2Bento(bentoDir, home, {
      envs: "envs:\n  - name: HF_TOKEN\n    value: hunter2\n    stage: build",
    });
    const out = join(work, "seen");
    unregisterBackend("standin");
    registerStandIn("standin", "sh", [
      "-c",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell script, not a template
      'for a; do case "$a" in id=*) f="${a#*src=}"; stat -c %a "$f" > "$0"; cat "$f" >> "$0";; esac; done',
      out,
    ]);
    const result = await run();
    const secretArg = result.argv.find((a) => a.startsWith("id=HF_TOKEN,src="))!;
    expect(await readFile(out, "utf8")).toBe("600\nhunter2");
    expect(existsSync(secretArg.slice("id=HF_TOKEN,src=".length))).toBe(false);
    expect(result.argv.join(" ")).not.toContain("hunter2");
  });

  it("rejects with the exit code and output tail when the backend fails, cleaning up", async () => {
    unregisterBackend("standin");
    registerStandIn("standin", "sh", ["-c", "echo broken step >&2; exit 3", "x"]);
    const failure = await rejectionOf<CommandFailedError>(run());
    expect(failure).toBeInstanceOf(CommandFailedError);
    expect(failure.engineExitCode).toBe(3);
    expect(failure.outputTail).toContain("broken step");
    expect((await readdir(cache)).filter((n) => n.startsWith("run-"))).toEqual([]);
  });

  it("says the backend stopped answering when it fails its full health check after a failed build", async () => {
    unregisterBackend("standin");
    const purposes: string[] = [];
    registerBackend("standin", {
      binary: "sh",
      buildCommand: ["-c", "echo lost connection >&2; exit 1", "x"],
      buildkitSupport: false,
      options: table,
      diagnose: async ({ purpose }) =>
        purposes.push(purpose) === 1
          ? { backend: "standin", healthy: true }
          : {
              backend: "standin",
              healthy: false,
              reason: "the daemon is gone",
              hint: "start the daemon",
            },
      constructBuildArgs: ({ contextPath }) => [contextPath],
    });
    const failure = await rejectionOf<CommandFailedError>(run());
    expect(failure).toBeInstanceOf(CommandFailedError);
    expect(failure.message).toMatch(/exit code: 1; standin stopped answering: the daemon is gone$/);
    expect(failure.hint).toBe("start the daemon");
    expect(failure.outputTail).toContain("lost connection");
    expect(purposes).toEqual(["build", "report"]);
  });

  it("stops the backend on abort and cleans up", async () => {
    unregisterBackend("standin");
    registerStandIn("standin", "sh", ["-c", "sleep 30", "x"]);
    const controller = new AbortController();
    const running = run({
      signal: controller.signal,
      onEvent: (e) => {
        if (e.type === "command") setTimeout(() => controller.abort(), 100);
      },
    });
    await expect(running).rejects.toThrow(AbortedError);
    expect((await readdir(cache)).filter((n) => n.startsWith("run-"))).toEqual([]);
  });

  it("fails before building when the backend is unhealthy, with its reason and hint", async () => {
    registerBackend("sick", {
      buildkitSupport: false,
      constructBuildArgs: () => [],
      diagnose: async () => ({
        backend: "sick",
        healthy: false,
        reason: "sick is not installed",
        hint: "apt-get install sick",
      }),
    });
    try {
      const failure = await rejectionOf(
        build(bentoDir, { backend: "sick", env: env() } as unknown as BuildOptions),
      );
      expect(failure).toBeInstanceOf(BackendUnavailableError);
      expect(failure).toMatchObject({
        message: expect.stringContaining("sick is not installed"),
        hint: "apt-get install sick",
        exitCode: 3,
      });
      // The check starts before the bento is read, but a missing bento is still the error.
      const missing = await rejectionOf(
        build(join(bentoDir, "nope"), { backend: "sick", env: env() } as unknown as BuildOptions),
      );
      expect(missing).toBeInstanceOf(BentoNotFoundError);
    } finally {
      unregisterBackend("sick");
    }
  });

  it("runs a dry run on an unhealthy backend, with the health verdict as a warning", async () => {
    registerBackend("sick", {
      binary: "standin-builder",
      buildkitSupport: false,
      constructBuildArgs: ({ contextPath }) => ["--quiet", contextPath],
      diagnose: async () => ({
        backend: "sick",
        healthy: false,
        reason: "sick is not installed",
        hint: "apt-get install sick",
      }),
    });
    try {
      const events: BuildEvent[] = [];
      const result = await build(bentoDir, {
        backend: "sick",
        dryRun: true,
        env: env(),
        onEvent: (event: BuildEvent) => events.push(event),
      } as unknown as BuildOptions);
      expect(result).toMatchObject({ dryRun: true, backend: "sick", imageId: undefined });
      expect(result.argv).toEqual(["standin-builder", "build", "--quiet", result.contextPath]);
      const warning =
        "Dry run: the sick backend cannot build on this machine (sick is not installed); the command is shown all the same. apt-get install sick";
      expect(result.warnings).toContain(warning);
      expect(events).toContainEqual({ type: "warning", message: warning });
      expect(await standIn.calls()).toEqual([]);
    } finally {
      unregisterBackend("sick");
    }
  });

  it("for auto, a dry run with no healthy backend shows the first registered one's command", async () => {
    const sick = (name: string) =>
      registerBackend(name, {
        buildkitSupport: false,
        constructBuildArgs: ({ contextPath }) => [contextPath],
        diagnose: async () => ({ backend: name, healthy: false, reason: `no ${name}` }),
      });
    sick("podman");
    sick("docker");
    try {
      const result = await build(bentoDir, {
        backend: "auto",
        dryRun: true,
        env: env(),
      } as unknown as BuildOptions);
      expect(result.backend).toBe("docker");
      expect(result.warnings.join("\n")).toContain(
        "No backend is healthy; the command shown is docker's.",
      );
      const failure = await rejectionOf(
        build(bentoDir, { backend: "auto", env: env() } as unknown as BuildOptions),
      );
      expect(failure).toBeInstanceOf(BackendUnavailableError);
    } finally {
      unregisterBackend("podman");
      unregisterBackend("docker");
    }
  });

  it("stages the context while the health check runs, yet reports a sick backend first", async () => {
    const staged = join(cache, "contexts", "iris-v1", "models/iris_model/m1/saved_model.pkl");
    registerBackend("slow", {
      buildkitSupport: false,
      constructBuildArgs: () => [],
      // Healthy only once it sees the context staged: a build that stages after the check hangs here.
      diagnose: async () => {
        for (let i = 0; i < 100 && !existsSync(staged); i++) await sleep(10);
        return { backend: "slow", healthy: existsSync(staged), reason: "saw no staged context" };
      },
    });
    try {
      const result = await build(bentoDir, {
        backend: "slow",
        dryRun: true,
        env: env(),
      } as unknown as BuildOptions);
      expect(result.contextPath).toBe(join(cache, "contexts", "iris-v1"));
      // The model is gone and the backend is sick: the backend's reason is the error.
      await rm(join(home, "models"), { recursive: true });
      await rm(join(cache, "contexts"), { recursive: true });
      const failure = await rejectionOf(
        build(bentoDir, { backend: "slow", env: env() } as unknown as BuildOptions),
      );
      expect(failure).toBeInstanceOf(BackendUnavailableError);
      expect((failure as Error).message).toContain("saw no staged context");
    } finally {
      unregisterBackend("slow");
    }
  });

  it("refuses build secrets on a backend without secret mounts, naming one that has them", async () => {
    await rm(bentoDir, { recursive: true });
    await writeSpec2Bento(bentoDir, home, {
      envs: "envs:\n  - name: TOKEN\n    value: x\n    stage: build",
    });
    registerBackend("plain", {
      binary: "standin-builder",
      buildkitSupport: false,
      options: table,
      constructBuildArgs: () => [],
    });
    try {
      const failure = await rejectionOf(
        build(bentoDir, { backend: "plain", env: env() } as unknown as BuildOptions),
      );
      expect(failure).toMatchObject({
        code: "E_CAPABILITY",
        hint: expect.stringContaining("standin"),
      });
      expect(await standIn.calls()).toEqual([]);
    } finally {
      unregisterBackend("plain");
    }
  });

  it("pins timestamps to the bento's creation time where the backend can", async () => {
    unregisterBackend("standin");
    registerBackend("standin", {
      binary: "standin-builder",
      buildkitSupport: false,
      options: { ...table, timestamp: { kind: "number", doc: "timestamp" } },
      capabilities: { reproducibleTimestamps: { since: "4.0" } },
      diagnose: async () => ({ backend: "standin", healthy: true, version: "4.3.1" }),
      constructBuildArgs: ({ contextPath, ...options }) => [
        ...optionArgs({ timestamp: { kind: "number", doc: "" } }, options),
        contextPath,
      ],
    });
    const result = await run({ dryRun: true });
    expect(result.argv).toContain(String(Date.parse("2026-01-02T03:04:05Z") / 1000));
    expect(result.reproducible).toEqual({ applied: true, reason: undefined });
    const off = await run({ dryRun: true, reproducible: false });
    expect(off.reproducible).toMatchObject({
      applied: false,
      reason: expect.stringContaining("turned off"),
    });
  });

  it("says why timestamps are not pinned on a backend too old for it", async () => {
    unregisterBackend("standin");
    registerBackend("standin", {
      binary: "standin-builder",
      buildkitSupport: true,
      options: table,
      capabilities: { reproducibleTimestamps: { since: "23.0" } },
      diagnose: async () => ({ backend: "standin", healthy: true, version: "20.10.24" }),
      constructBuildArgs: () => ["."],
    });
    const result = await run({ dryRun: true });
    expect(result.reproducible).toEqual({
      applied: false,
      reason: "standin cannot pin image timestamps (needs standin 23.0+; this is 20.10.24)",
    });
  });

  it("reuses a healthy report while the backend's fingerprint is unchanged", async () => {
    unregisterBackend("standin");
    let fingerprint = "daemon-1";
    const purposes: string[] = [];
    registerBackend("standin", {
      binary: "standin-builder",
      buildkitSupport: true,
      options: table,
      diagnose: async ({ purpose }) => {
        purposes.push(purpose);
        return { backend: "standin", healthy: true, version: "1.0" };
      },
      healthFingerprint: async () => fingerprint,
      constructBuildArgs: ({ contextPath }) => [contextPath],
    });
    const recalled = async () => {
      const events: BuildEvent[] = [];
      await run({ onEvent: (event) => events.push(event) });
      const health = events.find((event) => event.type === "health");
      return health?.type === "health" ? health.recalled : undefined;
    };
    // Bad input remembers nothing, even though the check ran and passed.
    await expect(run({ noCach: true })).rejects.toThrow(OptionError);
    expect(existsSync(join(cache, "health"))).toBe(false);
    expect(await recalled()).toBe(false);
    expect(await recalled()).toBe(true);
    expect(purposes).toEqual(["build", "build"]);
    fingerprint = "daemon-2";
    expect(await recalled()).toBe(false);
    expect(purposes).toEqual(["build", "build", "build"]);
    expect(await standIn.calls()).toHaveLength(3);
  });

  it("keeps the rendered template: the next build reads it back instead of rendering", async () => {
    const first = await run();
    const rendered = join(cache, "containerfiles", "rendered");
    const [kept] = await readdir(rendered);
    const text = await readFile(join(rendered, kept!), "utf8");
    const body = text.slice(text.indexOf("\n") + 1);
    expect(first.containerfile).toContain(body.trimEnd());
    // A kept body is used only under its own digest (the first line).
    const edited = `${body}# read back\n`;
    const digest = createHash("sha256").update(edited).digest("hex").slice(0, 32);
    await writeFile(join(rendered, kept!), `${digest}\n${edited}`);
    expect((await run()).containerfile).toContain("# read back");
    const other = await run({ baseImage: "python:3.12-slim" });
    expect(other.containerfile).not.toContain("# read back");
    expect(await readdir(rendered)).toHaveLength(2);
  });

  it("runs the command the backend picks for the build, given the build's env; not under sudo", async () => {
    unregisterBackend("standin");
    const seen: BuildCommandContext[] = [];
    registerBackend("standin", {
      binary: "standin-builder",
      buildkitSupport: true,
      env: { STANDIN_DEFAULT: "default", DEFAULT_ONLY: "d" },
      options: table,
      diagnose: async () => ({ backend: "standin", healthy: true, clientVersion: "2.0" }),
      constructBuildArgs: ({ contextPath }) => ["--flag", contextPath],
      buildCommandFor: (context) => {
        seen.push(context);
        return ["direct", "build"];
      },
    });
    const result = await run();
    expect(result.argv).toEqual([
      "standin-builder",
      "direct",
      "build",
      "--flag",
      result.contextPath,
    ]);
    expect((await standIn.calls())[0]?.argv).toEqual(result.argv.slice(1));
    expect(seen).toEqual([
      {
        report: { backend: "standin", healthy: true, clientVersion: "2.0" },
        args: ["--flag", result.contextPath],
        env: expect.objectContaining({ STANDIN_DEFAULT: "user wins", DEFAULT_ONLY: "d" }),
      },
    ]);
    const asRoot = await run({ dryRun: true, runAsRoot: true });
    expect(asRoot.argv.slice(0, 4)).toEqual(["sudo", "--preserve-env", "standin-builder", "build"]);
    expect(seen).toHaveLength(1);
  });

  it("writes and builds the Containerfile as the backend adapts it", async () => {
    unregisterBackend("standin");
    registerBackend("standin", {
      binary: "standin-builder",
      buildkitSupport: true,
      options: table,
      constructBuildArgs: ({ contextPath, ...options }) => [
        ...optionArgs(table, options),
        contextPath,
      ],
      adaptContainerfile: (text) => `${text}\n# adapted for standin`,
    });
    const result = await run({ dryRun: true });
    const written = await readFile(result.containerfilePath, "utf8");
    expect(written).toMatch(/^FROM /m);
    expect(written.endsWith("\n# adapted for standin")).toBe(true);
  });

  it("keeps the backend's own command when its command hook fails", async () => {
    unregisterBackend("standin");
    registerBackend("standin", {
      binary: "standin-builder",
      buildkitSupport: true,
      options: table,
      constructBuildArgs: ({ contextPath }) => [contextPath],
      buildCommandFor: () => {
        throw new Error("unreadable config");
      },
    });
    const result = await run();
    expect(result.argv).toEqual(["standin-builder", "build", result.contextPath]);
  });

  it("after a remembered check, a failed build still runs the full check to explain itself", async () => {
    unregisterBackend("standin");
    let daemonUp = true;
    registerBackend("standin", {
      binary: "sh",
      buildCommand: ["-c", 'test "$DAEMON" = up || { echo connection refused >&2; exit 1; }', "x"],
      buildkitSupport: false,
      options: table,
      diagnose: async () =>
        daemonUp
          ? { backend: "standin", healthy: true }
          : { backend: "standin", healthy: false, reason: "no daemon", hint: "start it" },
      // The daemon died without removing its socket: the fingerprint cannot tell.
      healthFingerprint: async () => "same socket",
      constructBuildArgs: ({ contextPath }) => [contextPath],
    });
    await run({ env: env({ DAEMON: "up" }) });
    daemonUp = false;
    const failure = await rejectionOf<CommandFailedError>(run({ env: env({ DAEMON: "down" }) }));
    expect(failure).toBeInstanceOf(CommandFailedError);
    expect(failure.message).toMatch(/standin stopped answering: no daemon$/);
    expect(failure.hint).toBe("start it");
  });

  it("takes backend options apart from the common ones, as the flat form does", async () => {
    const apartFrom = (backendOptions: Record<string, unknown>) =>
      build(bentoDir, { backend: "standin", env: env(), dryRun: true, backendOptions });
    const apart = await apartFrom({ noCache: true });
    const flat = await run({ dryRun: true, noCache: true });
    expect(apart.argv).toEqual(flat.argv);
    expect(apart.argv).toContain("--no-cache");
    await expect(apartFrom({ noCach: true })).rejects.toThrow(/Did you mean "noCache"/);
  });

  it("refuses a misspelt backend option with the nearest name", async () => {
    await expect(run({ noCach: true })).rejects.toThrow(OptionError);
    await expect(run({ noCach: true })).rejects.toThrow(/Did you mean "noCache"/);
    expect(await standIn.calls()).toEqual([]);
  });

  it("plans without running or writing secrets; running the plan runs exactly its argv", async () => {
    await rm(bentoDir, { recursive: true });
    await writeSpec2Bento(bentoDir, home, {
      envs: "envs:\n  - name: HF_TOKEN\n    value: hunter2\n    stage: build",
    });
    const options = { backend: "standin", env: env() } as unknown as BuildOptions;
    const plan = await planBuild(bentoDir, options);
    expect(await standIn.calls()).toEqual([]);
    expect(plan.secrets.map((secret) => secret.name)).toEqual(["HF_TOKEN"]);
    expect(existsSync(plan.secrets[0]!.path)).toBe(false);
    expect(plan.argv).toContain(`id=HF_TOKEN,src=${plan.secrets[0]!.path}`);
    const events: BuildEvent[] = [];
    const result = await runPlan(plan, { onEvent: (event) => events.push(event) });
    expect(result.argv).toEqual(plan.argv);
    expect((await standIn.calls())[0]?.argv).toEqual(plan.argv.slice(1));
    expect(events[0]).toEqual({ type: "command", argv: plan.argv });
    expect(existsSync(plan.secrets[0]!.path)).toBe(false);
    expect((await readdir(cache)).filter((n) => n.startsWith("run-"))).toEqual([]);
  });
});
