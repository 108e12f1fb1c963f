import { describe, expect, it } from "vitest";
import type { BuildCommandContext, HealthReport } from "../backend/contract.js";
import { defineBackend } from "../backend/define.js";
import { optionArgs } from "../backend/flags.js";
import type { OptionTable } from "../backend/option-table.js";
import { type CommandInputs, planCommand } from "./command.js";

const table = {
  file: { kind: "string", doc: "Containerfile" },
  tag: { kind: "list", doc: "tags" },
  iidfile: { kind: "string", doc: "image id file" },
  label: { kind: "pairs", doc: "labels", separator: "=" },
  secret: { kind: "list", doc: "secrets" },
  buildArg: { kind: "pairs", doc: "build args", separator: "=" },
  timestamp: { kind: "number", doc: "timestamp" },
  noCache: { kind: "boolean", doc: "no cache" },
} as const satisfies OptionTable;

const EPOCH = String(Date.parse("2026-01-02T03:04:05Z") / 1000);
const hookCalls: BuildCommandContext[] = [];

/** A backend built from `table` minus `without`, with whatever hooks a row adds. */
function backend(
  without: (keyof typeof table)[] = [],
  extra: { hook?: string[]; loader?: boolean } = {},
) {
  const options = Object.fromEntries(
    Object.entries(table).filter(([key]) => !without.includes(key as keyof typeof table)),
  );
  return defineBackend("fake", {
    binary: "fake-engine",
    buildCommand: ["build"],
    buildkitSupport: true,
    env: { DEFAULT_ONLY: "d", SHARED: "backend" },
    options,
    capabilities: { reproducibleTimestamps: { since: "4.0" } },
    imageId: { option: "iidfile", parse: (text) => text },
    constructBuildArgs: ({ contextPath, ...rest }) => [...optionArgs(options, rest), contextPath],
    buildCommandFor: extra.hook
      ? (context) => {
          hookCalls.push(context);
          return extra.hook;
        }
      : undefined,
    loadCommand: extra.loader ? ({ tag }) => ["loader", "--name", String(tag?.[0])] : undefined,
  });
}

const report: HealthReport = { backend: "fake", healthy: true, version: "4.3.1" };

function inputs(overrides: Partial<CommandInputs> = {}): CommandInputs {
  return {
    builder: backend(),
    report,
    options: {},
    env: { SHARED: "user", UNSET: undefined },
    contextPath: "/ctx",
    containerfilePath: "/cf/Dockerfile",
    tags: ["iris:v1"],
    labels: {},
    creationTime: "2026-01-02T03:04:05Z",
    reproducible: false,
    secretSpecs: [],
    runAsRoot: false,
    which: () => undefined,
    exists: () => false,
    ...overrides,
  };
}

const BASE = ["--file", "/cf/Dockerfile", "--tag", "iris:v1"];

describe("planCommand", () => {
  it.each<[string, Partial<CommandInputs>, string[]]>([
    ["nothing added", {}, ["fake-engine", "build", ...BASE, "/ctx"]],
    [
      "the user's options in table order",
      { options: { noCache: true, label: { a: "1" } } },
      ["fake-engine", "build", ...BASE, "--label", "a=1", "--no-cache", "/ctx"],
    ],
    [
      "bento labels under the user's map",
      { labels: { a: "bento", b: "bento" }, options: { label: { a: "user" } } },
      ["fake-engine", "build", ...BASE, "--label", "a=user", "--label", "b=bento", "/ctx"],
    ],
    [
      "bento labels before the user's list",
      { labels: { a: "bento" }, options: { label: ["a=user"] } },
      ["fake-engine", "build", ...BASE, "--label", "a=bento", "--label", "a=user", "/ctx"],
    ],
    [
      "build-stage secrets after the user's",
      { secretSpecs: ["id=T,src=/s/T"], options: { secret: "id=mine,src=/m" } },
      [
        "fake-engine",
        "build",
        ...BASE,
        "--secret",
        "id=mine,src=/m",
        "--secret",
        "id=T,src=/s/T",
        "/ctx",
      ],
    ],
    [
      "the image-id file",
      { imageIdFile: "/run/id" },
      ["fake-engine", "build", ...BASE, "--iidfile", "/run/id", "/ctx"],
    ],
    [
      "the planned image-id file in place of the option",
      { imageIdFile: "/run/id", options: { iidfile: "/mine" } },
      ["fake-engine", "build", ...BASE, "--iidfile", "/run/id", "/ctx"],
    ],
    [
      "sudo keeps the environment",
      { runAsRoot: true },
      ["sudo", "--preserve-env", "fake-engine", "build", ...BASE, "/ctx"],
    ],
    [
      "the command hook's command",
      { builder: backend([], { hook: ["direct", "build"] }) },
      ["fake-engine", "direct", "build", ...BASE, "/ctx"],
    ],
    [
      "no command hook under sudo",
      { builder: backend([], { hook: ["direct", "build"] }), runAsRoot: true },
      ["sudo", "--preserve-env", "fake-engine", "build", ...BASE, "/ctx"],
    ],
    [
      "reproducible: timestamp and SOURCE_DATE_EPOCH build arg",
      { reproducible: true },
      [
        "fake-engine",
        "build",
        ...BASE,
        "--build-arg",
        `SOURCE_DATE_EPOCH=${EPOCH}`,
        "--timestamp",
        EPOCH,
        "/ctx",
      ],
    ],
    [
      "reproducible: the user's timestamp and build arg win",
      { reproducible: true, options: { timestamp: 7, buildArg: ["SOURCE_DATE_EPOCH=9"] } },
      [
        "fake-engine",
        "build",
        ...BASE,
        "--build-arg",
        "SOURCE_DATE_EPOCH=9",
        "--timestamp",
        "7",
        "/ctx",
      ],
    ],
    [
      "no build arguments, the user's or the epoch, for a Containerfile with no ARG",
      {
        reproducible: true,
        buildArgs: false,
        options: { buildArg: ["HTTP_PROXY=x"], timestamp: 7 },
      },
      ["fake-engine", "build", ...BASE, "--timestamp", "7", "/ctx"],
    ],
    [
      "reproducible: only the build arg without a timestamp option",
      { reproducible: true, builder: backend(["timestamp"]) },
      ["fake-engine", "build", ...BASE, "--build-arg", `SOURCE_DATE_EPOCH=${EPOCH}`, "/ctx"],
    ],
    [
      "reproducible: nothing on a version too old",
      { reproducible: true, report: { ...report, version: "3.9" } },
      ["fake-engine", "build", ...BASE, "/ctx"],
    ],
    [
      "reproducible: nothing without a creation time",
      { reproducible: true, creationTime: undefined },
      ["fake-engine", "build", ...BASE, "/ctx"],
    ],
  ])("argv: %s", (_name, overrides, argv) => {
    expect(planCommand(inputs(overrides)).argv).toEqual(argv);
  });

  it.each<
    [string, Partial<CommandInputs>, Record<string, string>, { applied: boolean; reason?: string }]
  >([
    [
      "the user's env over the backend's defaults",
      {},
      { DEFAULT_ONLY: "d", SHARED: "user" },
      { applied: false, reason: "turned off (reproducible: false)" },
    ],
    [
      "SOURCE_DATE_EPOCH when reproducible",
      { reproducible: true },
      { DEFAULT_ONLY: "d", SHARED: "user", SOURCE_DATE_EPOCH: EPOCH },
      { applied: true, reason: undefined },
    ],
    [
      "why not on a version too old",
      { reproducible: true, report: { ...report, version: "3.9" } },
      { DEFAULT_ONLY: "d", SHARED: "user" },
      { applied: false, reason: "fake cannot pin image timestamps (needs fake 4.0+; this is 3.9)" },
    ],
  ])("env and reproducible: %s", (_name, overrides, env, reproducible) => {
    const plan = planCommand(inputs(overrides));
    expect(plan.env).toEqual(env);
    expect(plan.reproducible).toEqual(reproducible);
  });

  it("hands the command hook the build's env, report and args", () => {
    hookCalls.length = 0;
    planCommand(inputs({ builder: backend([], { hook: ["direct"] }), reproducible: true }));
    expect(hookCalls).toEqual([
      {
        env: { DEFAULT_ONLY: "d", SHARED: "user", SOURCE_DATE_EPOCH: EPOCH },
        report,
        args: [...BASE, "--build-arg", `SOURCE_DATE_EPOCH=${EPOCH}`, "--timestamp", EPOCH, "/ctx"],
      },
    ]);
  });

  it("runs the loader under sudo too, with the merged options", () => {
    const builder = backend([], { loader: true });
    expect(planCommand(inputs({ builder })).loader).toEqual(["loader", "--name", "iris:v1"]);
    expect(planCommand(inputs({ builder, runAsRoot: true })).loader).toEqual([
      "sudo",
      "--preserve-env",
      "loader",
      "--name",
      "iris:v1",
    ]);
  });

  it("warns, without labels, on a backend with no label option", () => {
    const plan = planCommand(inputs({ builder: backend(["label"]), labels: { a: "1" } }));
    expect(plan.argv).toEqual(["fake-engine", "build", ...BASE, "/ctx"]);
    expect(plan.warnings).toEqual([
      "The fake backend has no label option; the image gets no bento labels.",
    ]);
  });

  it("refuses build-stage secrets on a backend with no secret option", () => {
    expect(() =>
      planCommand(inputs({ builder: backend(["secret"]), secretSpecs: ["id=T,src=/s/T"] })),
    ).toThrow(/cannot pass build secrets/);
  });
  it("shows a hidden variable's value as $NAME and runs it as it is", () => {
    const builder = defineBackend("fake", {
      binary: "fake-engine",
      buildkitSupport: true,
      hiddenEnv: ["CERTS"],
      constructBuildArgs: ({ contextPath }) => [contextPath],
      buildCommandFor: ({ env }) => ["--certs", String(env.CERTS), "build"],
    });
    const plan = planCommand(inputs({ builder, env: { CERTS: "/secret/certs" } }));
    expect(plan.argv).toEqual(["fake-engine", "--certs", "/secret/certs", "build", "/ctx"]);
    expect(plan.shownArgv).toEqual(["fake-engine", "--certs", "$CERTS", "build", "/ctx"]);
  });
});
