import type { OptionTable } from "@bento/container-core";
import { describe, expect, it } from "vitest";
import { collectOpts, optsToOptions, parseOpt, specLookup } from "./opt-grammar.js";

const table = {
  buildArg: { kind: "pairs", separator: "=", doc: "" },
  addHost: { kind: "pairs", separator: ":", doc: "" },
  cacheFrom: { kind: "csv", doc: "" },
  ulimit: { kind: "ulimit", doc: "" },
  volume: { kind: "tuple", doc: "" },
  platform: { kind: "list", doc: "" },
  noCache: { kind: "boolean", doc: "" },
  pull: { kind: "boolean", values: ["always", "never"], doc: "" },
  iidfile: { kind: "string", path: true, doc: "" },
  shmSize: { kind: "number", doc: "" },
} as const satisfies OptionTable;
const lookup = specLookup([table]);
const options = (...raws: string[]) => optsToOptions(raws.map(parseOpt), lookup, "test");

describe("parseOpt", () => {
  it.each([
    ["build-arg=FOO=bar", "buildArg", "FOO=bar"],
    ["build-arg:FOO=bar", "buildArg", "FOO=bar"],
    ["iidfile:/tmp/id", "iidfile", "/tmp/id"],
    ["add-host=db:10.0.0.2", "addHost", "db:10.0.0.2"],
    ["add-host:db:10.0.0.2", "addHost", "db:10.0.0.2"],
    ["cache-from=type=local,src=/c", "cacheFrom", "type=local,src=/c"],
    ["target=", "target", ""],
  ])("splits %s on the first = or :", (raw, key, value) => {
    expect(parseOpt(raw)).toEqual({ key, value });
  });

  it("gives true when there is no value", () => {
    expect(parseOpt("no-cache")).toEqual({ key: "noCache", value: true });
  });

  it.each([
    "no-cache-filter",
    "no_cache_filter",
    "no-cache_filter",
    "noCacheFilter",
    "NO-CACHE-FILTER",
  ])("treats - and _ alike: %s", (raw) => {
    expect(parseOpt(raw).key).toBe("noCacheFilter");
  });

  it.each(["=x", ":x", "", " =x"])("refuses an empty key: %j", (raw) => {
    expect(() => parseOpt(raw)).toThrow(expect.objectContaining({ code: "E_USAGE", exitCode: 2 }));
    expect(() => parseOpt(raw)).toThrow(/has no option name/);
  });
});

describe("collectOpts", () => {
  it("accumulates repeated keys in order, across spellings", () => {
    const collected = collectOpts(["build-arg=A=1", "no-cache", "build_arg:B=2"].map(parseOpt));
    expect([...collected]).toEqual([
      ["buildArg", ["A=1", "B=2"]],
      ["noCache", [true]],
    ]);
  });
});

describe("optsToOptions", () => {
  it("gives list items for pairs, csv, ulimit, tuple and list kinds", () => {
    expect(
      options(
        "build-arg=FOO=bar",
        "build-arg=BAZ=1",
        "add-host=db:10.0.0.2",
        "cache-from=type=local,src=/c",
        "ulimit=nofile=1024:1024",
        "volume=/a:/b:ro",
        "platform=linux/amd64",
      ),
    ).toEqual({
      buildArg: ["FOO=bar", "BAZ=1"],
      addHost: ["db:10.0.0.2"],
      cacheFrom: ["type=local,src=/c"],
      ulimit: ["nofile=1024:1024"],
      volume: ["/a:/b:ro"],
      platform: ["linux/amd64"],
    });
  });

  it.each([
    ["no-cache", true],
    ["no-cache=true", true],
    ["no-cache=1", true],
    ["no-cache=false", false],
    ["no-cache=0", false],
    ["no-cache=maybe", "maybe"],
  ])("converts %s for a boolean", (raw, value) => {
    expect(options(raw)).toEqual({ noCache: value });
  });

  it("keeps an allowed string value of a boolean option", () => {
    expect(options("pull=always")).toEqual({ pull: "always" });
  });

  it("refuses a boolean, string or number option given different values, never keeping the last", () => {
    for (const raws of [
      ["no-cache", "no-cache=false"],
      ["iidfile=/a", "iidfile:/b"],
      ["shm-size=1", "shm-size=2"],
    ])
      expect(() => options(...raws)).toThrow(/was given 2 different values .* takes one/);
  });

  it("takes a value repeated as it is, once", () => {
    expect(options("no-cache", "no-cache=true", "iidfile=/a", "iidfile:/a")).toEqual({
      noCache: true,
      iidfile: "/a",
    });
  });

  it("parses numbers, leaving a non-number for validation to name", () => {
    expect(options("shm-size=1024")).toEqual({ shmSize: 1024 });
    expect(options("shm-size=lots")).toEqual({ shmSize: "lots" });
    expect(options("shm-size=")).toEqual({ shmSize: "" });
  });

  it.each(["iidfile", "build-arg", "shm-size"])("refuses %s without a value", (raw) => {
    expect(() => options(raw)).toThrow(expect.objectContaining({ code: "E_OPTION" }));
    expect(() => options(raw)).toThrow(`--opt ${raw} needs a value for the test backend.`);
  });

  it("passes unknown keys through as given, for validation to name the nearest", () => {
    expect(options("no-cahe")).toEqual({ noCahe: true });
    expect(options("colour=a", "colour=b")).toEqual({ colour: ["a", "b"] });
  });

  it("makes extra-args a list of raw flags", () => {
    expect(options("extra-args=--squash")).toEqual({ extraArgs: ["--squash"] });
  });
});

describe("specLookup", () => {
  it("takes the first table that has the key", () => {
    const first = { shmSize: { kind: "string", doc: "" } } as const satisfies OptionTable;
    expect(specLookup([first, table])("shmSize")?.kind).toBe("string");
    expect(specLookup([first, table])("noCache")?.kind).toBe("boolean");
    expect(specLookup([first])("toString")).toBeUndefined();
  });
});
