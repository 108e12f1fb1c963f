import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { flagArgs, optionArgs } from "./flags.js";
import type { OptionSpec, OptionTable } from "./option-table.js";

let cwd: string;
beforeAll(async () => {
  cwd = await mkdtemp(join(tmpdir(), "bento-flags-"));
});
afterAll(async () => {
  await rm(cwd, { recursive: true, force: true });
});

const doc = "test option";
const cases: [string, string, OptionSpec, unknown, string[]][] = [
  ["true gives the flag", "noCache", { kind: "boolean", doc }, true, ["--no-cache"]],
  ["false gives nothing", "noCache", { kind: "boolean", doc }, false, []],
  [
    "a flag override",
    "pullAlways",
    { kind: "boolean", doc, flag: "pull=always" },
    true,
    ["--pull=always"],
  ],
  ["a string", "network", { kind: "string", doc }, "host", ["--network", "host"]],
  ["a number", "shmSize", { kind: "number", doc }, 64, ["--shm-size", "64"]],
  [
    "a list, once per item",
    "platform",
    { kind: "list", doc },
    ["a", "b"],
    ["--platform", "a", "--platform", "b"],
  ],
  ["a list given as a string", "platform", { kind: "list", doc }, "a", ["--platform", "a"]],
  [
    "addHost map with ':'",
    "addHost",
    { kind: "pairs", doc, separator: ":" },
    { h: "1.2.3.4" },
    ["--add-host", "h:1.2.3.4"],
  ],
  [
    "buildArg map with '='",
    "buildArg",
    { kind: "pairs", doc, separator: "=" },
    { A: "1", B: "2" },
    ["--build-arg", "A=1", "--build-arg", "B=2"],
  ],
  [
    "pairs given as list",
    "buildArg",
    { kind: "pairs", doc, separator: "=" },
    ["A=1"],
    ["--build-arg", "A=1"],
  ],
  [
    "creds map with ':'",
    "creds",
    { kind: "pairs", doc, separator: ":" },
    { u: "p" },
    ["--creds", "u:p"],
  ],
  [
    "csv map joined once",
    "cacheFrom",
    { kind: "csv", doc },
    { type: "local", src: "/c" },
    ["--cache-from", "type=local,src=/c"],
  ],
  ["csv string as is", "output", { kind: "csv", doc }, "type=docker", ["--output", "type=docker"]],
  [
    "csv list once per item",
    "secret",
    { kind: "csv", doc },
    ["id=a", "id=b"],
    ["--secret", "id=a", "--secret", "id=b"],
  ],
  [
    "ulimit map",
    "ulimit",
    { kind: "ulimit", doc },
    { nofile: [1024, 2048], nproc: [10, 20] },
    ["--ulimit", "nofile=1024:2048", "--ulimit", "nproc=10:20"],
  ],
  ["ulimit string", "ulimit", { kind: "ulimit", doc }, "nofile=1:2", ["--ulimit", "nofile=1:2"]],
  [
    "a 3-tuple joined with ':'",
    "usernsUidMap",
    { kind: "tuple", doc },
    ["0", "100000", "65536"],
    ["--userns-uid-map", "0:100000:65536"],
  ],
  [
    "a list of tuples",
    "volume",
    { kind: "tuple", doc },
    [["/a", "/b", "ro"], "/c:/d"],
    ["--volume", "/a:/b:ro", "--volume", "/c:/d"],
  ],
  [
    "a list of three volume strings",
    "volume",
    { kind: "tuple", doc },
    ["/a:/a", "/b:/b", "/c:/c"],
    ["--volume", "/a:/a", "--volume", "/b:/b", "--volume", "/c:/c"],
  ],
  ["snake_case key to kebab", "build_arg", { kind: "list", doc }, "A=1", ["--build-arg", "A=1"]],
];

describe("flagArgs", () => {
  it.each(cases)("%s", (_, key, spec, value, argv) => {
    expect(flagArgs(key, spec, value, { cwd })).toEqual(argv);
  });

  it("makes a path value absolute when it exists, else leaves it", () => {
    const spec: OptionSpec = { kind: "string", doc, path: true };
    expect(flagArgs("iidfile", spec, ".", { cwd })).toEqual(["--iidfile", cwd]);
    expect(flagArgs("iidfile", spec, "missing/id", { cwd })).toEqual(["--iidfile", "missing/id"]);
  });
});

describe("optionArgs", () => {
  const table = {
    tag: { kind: "list", doc },
    noCache: { kind: "boolean", doc },
    buildArg: { kind: "pairs", doc, separator: "=" },
  } as const satisfies OptionTable;

  it("emits in table order and skips unset options", () => {
    expect(optionArgs(table, { buildArg: { A: "1" }, tag: "x", noCache: undefined })).toEqual([
      "--tag",
      "x",
      "--build-arg",
      "A=1",
    ]);
  });
});
