import type { BuildArgsInput } from "@bento/container-core";
import { describe, expect, it } from "vitest";
import { everyBuildxOption } from "../test/every-option.js";
import { buildxBuildArgs } from "./args.js";
import type { BuildxOptions } from "./options.js";

type Input = Partial<BuildArgsInput<BuildxOptions>>;

function args(options: Input): { argv: string[]; warnings: string[] } {
  const warnings: string[] = [];
  const argv = buildxBuildArgs({ contextPath: "/ctx", warn: (m) => warnings.push(m), ...options });
  return { argv, warnings };
}

describe("buildxBuildArgs", () => {
  it.each<[string, Input, string[]]>([
    ["load is on by default", {}, ["--load", "/ctx"]],
    [
      "tags once each and the file, long flags",
      { tag: ["svc:1", "svc:2"], file: "/gen/Containerfile" },
      ["--tag", "svc:1", "--tag", "svc:2", "--file", "/gen/Containerfile", "--load", "/ctx"],
    ],
    ["load: false turns it off", { load: false }, ["/ctx"]],
    ["push turns load off", { push: true }, ["--push", "/ctx"]],
    [
      "a local output string turns load off",
      { output: "type=local,dest=out" },
      ["--output", "type=local,dest=out", "/ctx"],
    ],
    ["a bare path is buildx's local shorthand", { output: "./out" }, ["--output", "./out", "/ctx"]],
    [
      "a tar output keeps load",
      { output: "type=tar,dest=out.tar" },
      ["--load", "--output", "type=tar,dest=out.tar", "/ctx"],
    ],
    ["- (tar to stdout) keeps load", { output: "-" }, ["--load", "--output", "-", "/ctx"]],
    [
      "maps: addHost host:ip, buildArg and buildContext k=v each",
      { addHost: { db: "10.0.0.2" }, buildArg: { A: "1", B: "2" }, buildContext: { base: "/b" } },
      [
        "--add-host",
        "db:10.0.0.2",
        "--build-arg",
        "A=1",
        "--build-arg",
        "B=2",
        "--build-context",
        "base=/b",
        "--load",
        "/ctx",
      ],
    ],
    [
      "cacheFrom, cacheTo, noCacheFilter, secret maps give one k=v,k=v each",
      {
        cacheFrom: { type: "local", src: "/c" },
        cacheTo: { type: "local", dest: "/c", mode: "max" },
        noCacheFilter: { stage: "build" },
        secret: { id: "t", src: "/t" },
      },
      [
        ...[
          "--cache-from",
          "type=local,src=/c",
          "--cache-to",
          "type=local,dest=/c,mode=max",
          "--load",
        ],
        ...["--no-cache-filter", "stage=build", "--secret", "id=t,src=/t", "/ctx"],
      ],
    ],
    [
      "ulimit map gives type=soft:hard each",
      { ulimit: { nofile: [1024, 2048], nproc: [512, 512] } },
      ["--load", "--ulimit", "nofile=1024:2048", "--ulimit", "nproc=512:512", "/ctx"],
    ],
    ["a size gives flag and value", { shmSize: "1g" }, ["--load", "--shm-size", "1g", "/ctx"]],
    [
      "a list repeats the flag",
      { allow: ["network.host", "security.insecure"] },
      ["--allow", "network.host", "--allow", "security.insecure", "--load", "/ctx"],
    ],
    [
      "attestations pass with buildx 0.11+",
      {
        version: "0.13.1+ds1",
        attest: { type: "sbom" },
        provenance: { mode: "max" },
        sbom: "true",
      },
      ["--attest", "type=sbom", "--load", "--provenance", "mode=max", "--sbom", "true", "/ctx"],
    ],
    [
      "extraArgs go before the context",
      { extraArgs: ["--annotation", "a=b"] },
      ["--load", "--annotation", "a=b", "/ctx"],
    ],
  ])("%s", (_rule, options, argv) => {
    expect(args(options)).toEqual({ argv, warnings: [] });
  });

  it.each<[string, Input, string[], string]>([
    [
      "push and an explicit load: push wins",
      { push: true, load: true },
      ["--push", "/ctx"],
      "buildx: load not passed: push replaces it.",
    ],
    [
      "a local output map turns load and push off",
      { output: { type: "local", dest: "out" }, push: true },
      ["--output", "type=local,dest=out", "/ctx"],
      "buildx: push not passed: the output is local.",
    ],
  ])("%s, and says so", (_rule, options, argv, warning) => {
    expect(args(options)).toEqual({ argv, warnings: [warning] });
  });

  it.each<[string, Input, string]>([
    [
      "0.10.4",
      { version: "0.10.4", sbom: "true" },
      "buildx: sbom not passed: the builder's BuildKit 0.10.4 is older than 0.11.",
    ],
    [
      "an unknown version",
      { attest: { type: "sbom" }, provenance: "mode=max" },
      "buildx: attest, provenance not passed: the builder's BuildKit version is unknown (pass `version` from the health report).",
    ],
  ])("drops attestations with %s, and says so", (_version, options, warning) => {
    expect(args(options)).toEqual({ argv: ["--load", "/ctx"], warnings: [warning] });
  });

  it.each<[string, Input, string[], number]>([
    [
      "two platforms in a list",
      { platform: ["linux/amd64", "linux/arm64"] },
      ["--load", "--platform", "linux/amd64", "--platform", "linux/arm64", "/ctx"],
      1,
    ],
    [
      "two platforms in one value",
      { platform: "linux/amd64,linux/arm64" },
      ["--load", "--platform", "linux/amd64,linux/arm64", "/ctx"],
      1,
    ],
    [
      "two platforms with push",
      { platform: ["linux/amd64", "linux/arm64"], push: true },
      ["--platform", "linux/amd64", "--platform", "linux/arm64", "--push", "/ctx"],
      0,
    ],
    [
      "one platform",
      { platform: "linux/arm64" },
      ["--load", "--platform", "linux/arm64", "/ctx"],
      0,
    ],
  ])("%s warns %#", (_rule, options, argv, count) => {
    const result = args(options);
    expect(result.argv).toEqual(argv);
    expect(result.warnings).toHaveLength(count);
    if (count) expect(result.warnings[0]).toMatch(/^buildx: 2 platforms without push/);
  });

  it("writes every option in table order", () => {
    expect(args({ ...everyBuildxOption, version: "0.13.1" })).toEqual({
      warnings: [],
      argv: [
        ...["--add-host", "db:10.0.0.2", "--annotation", "note=x"],
        ...["--attest", "type=sbom", "--allow", "network.host"],
        ...[
          "--build-arg",
          "A=1",
          "--build-context",
          "base=/tmp/bento-base",
          "--builder",
          "default",
        ],
        ...[
          "--cache-from",
          "type=local,src=/tmp/bento-cache",
          "--cache-to",
          "type=local,dest=/tmp/bento-cache",
        ],
        ...[
          "--cgroup-parent",
          "bento",
          "--iidfile",
          "/tmp/bento-iid",
          "--label",
          "team=ml",
          "--load",
        ],
        ...["--metadata-file", "/tmp/bento-metadata.json", "--network", "host", "--no-cache"],
        ...["--no-cache-filter", "build", "--output", "type=docker", "--platform", "linux/amd64"],
        ...["--progress", "plain", "--provenance", "mode=max", "--pull", "--quiet"],
        ...["--sbom", "generator=scanner:1", "--secret", "id=token,src=/tmp/bento-token"],
        ...["--shm-size", "64m", "--ssh", "default", "--target", "runtime"],
        ...["--ulimit", "nofile=1024:2048", "/ctx"],
      ],
    });
  });
  it.each<[string, Partial<BuildArgsInput<BuildxOptions>>, string[]]>([
    ["load as the docker exporter", {}, ["--output", "type=docker,rewrite-timestamp=true"]],
    [
      "push as the image exporter",
      { push: true },
      ["--output", "type=image,push=true,rewrite-timestamp=true"],
    ],
  ])("SOURCE_DATE_EPOCH on BuildKit 0.13: %s with rewrite-timestamp", (_rule, options, output) => {
    const argv = buildxBuildArgs({
      contextPath: "/ctx",
      buildArg: { SOURCE_DATE_EPOCH: "1" },
      version: "0.13.2",
      ...options,
    });
    expect(argv).not.toContain("--load");
    expect(argv).not.toContain("--push");
    expect(argv.slice(argv.indexOf("--output"), argv.indexOf("--output") + 2)).toEqual(output);
  });

  it("keeps --load on older builders", () => {
    const argv = buildxBuildArgs({
      contextPath: "/ctx",
      buildArg: { SOURCE_DATE_EPOCH: "1" },
      version: "0.12.5",
    });
    expect(argv).toContain("--load");
    expect(argv).not.toContain("--output");
  });
});
