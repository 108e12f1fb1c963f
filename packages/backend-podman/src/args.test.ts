import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BuildArgsInput, OptionError } from "@bento/container-core";
import { describe, expect, it } from "vitest";
import { podmanBuildArgs } from "./args.js";
import { podmanBackend } from "./index.js";
import type { PodmanOptions } from "./options.js";

type Case = [rule: string, options: Partial<BuildArgsInput<PodmanOptions>>, argv: string[]];

const cwd = mkdtempSync(join(tmpdir(), "bento-podman-args-"));
writeFileSync(join(cwd, "auth.json"), "{}");

describe("podmanBuildArgs", () => {
  it.each<Case>([
    ["the context path alone", {}, ["/ctx"]],
    [
      "tags once each and the file, long flags",
      { tag: ["svc:1", "svc:2"], file: "/gen/Containerfile" },
      ["--tag", "svc:1", "--tag", "svc:2", "--file", "/gen/Containerfile", "/ctx"],
    ],
    ["true gives the flag", { layers: true, squash: true }, ["--layers", "--squash", "/ctx"]],
    ["false gives nothing", { layers: false, tlsVerify: false }, ["/ctx"]],
    ["pull: true is the bare flag", { pull: true }, ["--pull", "/ctx"]],
    ["a pull policy is written --pull=<policy>", { pull: "always" }, ["--pull=always", "/ctx"]],
    ["pull: never", { pull: "never" }, ["--pull=never", "/ctx"]],
    [
      "a number gives flag and value",
      { cpuShares: 512, timestamp: 0 },
      ["--cpu-shares", "512", "--timestamp", "0", "/ctx"],
    ],
    [
      "an existing path is made absolute",
      { authfile: "auth.json", cwd },
      ["--authfile", join(cwd, "auth.json"), "/ctx"],
    ],
    [
      "a list repeats the flag",
      { capAdd: ["NET_ADMIN", "SYS_TIME"] },
      ["--cap-add", "NET_ADMIN", "--cap-add", "SYS_TIME", "/ctx"],
    ],
    [
      "addHost map gives host:ip",
      { addHost: { db: "10.0.0.2" } },
      ["--add-host", "db:10.0.0.2", "/ctx"],
    ],
    [
      "annotation, label, buildArg, buildContext, env, runtimeFlag maps give k=v each",
      {
        annotation: { a: "1" },
        label: { l: "2" },
        buildArg: { B: "3" },
        buildContext: { base: "/b" },
        buildEnv: { E: "4" },
        runtimeFlag: { debug: "true" },
      },
      [
        ...[
          "--annotation",
          "a=1",
          "--label",
          "l=2",
          "--build-arg",
          "B=3",
          "--build-context",
          "base=/b",
        ],
        ...["--env", "E=4", "--runtime-flag", "debug=true", "/ctx"],
      ],
    ],
    [
      "creds and decryptionKey maps give k:v each",
      { creds: { alice: "pw" }, decryptionKey: { "key.pem": "phrase" } },
      ["--creds", "alice:pw", "--decryption-key", "key.pem:phrase", "/ctx"],
    ],
    [
      "output and secret maps give one k=v,k=v",
      { output: { type: "local", dest: "out" }, secret: { id: "t", src: "/t" } },
      ["--output", "type=local,dest=out", "--secret", "id=t,src=/t", "/ctx"],
    ],
    [
      "ulimit map gives type=soft:hard each",
      { ulimit: { nofile: [1024, 1024], nproc: [64, 128] } },
      ["--ulimit", "nofile=1024:1024", "--ulimit", "nproc=64:128", "/ctx"],
    ],
    [
      "ulimit string passes through",
      { ulimit: "nofile=1024:1024" },
      ["--ulimit", "nofile=1024:1024", "/ctx"],
    ],
    [
      "usernsUidMap and usernsGidMap 3-tuples are joined with :",
      { usernsUidMap: ["0", "100000", "65536"], usernsGidMap: ["0", "200000", "65536"] },
      ["--userns-gid-map", "0:200000:65536", "--userns-uid-map", "0:100000:65536", "/ctx"],
    ],
    [
      "a volume 3-tuple is joined with :",
      { volume: ["/src", "/dst", "ro"] },
      ["--volume", "/src:/dst:ro", "/ctx"],
    ],
    [
      "a list of volume tuples gives one flag each",
      { volume: [["/a", "/b", "ro"], "/c:/d"] },
      ["--volume", "/a:/b:ro", "--volume", "/c:/d", "/ctx"],
    ],
    [
      "a volume string passes through",
      { volume: "/src:/dst:z" },
      ["--volume", "/src:/dst:z", "/ctx"],
    ],
    ["extraArgs go before the context", { extraArgs: ["--pull=newer"] }, ["--pull=newer", "/ctx"]],
  ])("%s", (_rule, options, argv) => {
    expect(podmanBuildArgs({ contextPath: "/ctx", ...options })).toEqual(argv);
  });
});

describe("podmanBackend.constructBuildArgs called directly", () => {
  it("refuses an unknown or mistyped option instead of dropping it", () => {
    const call = (options: Record<string, unknown>) => () =>
      podmanBackend.constructBuildArgs({ contextPath: ".", ...options } as never);
    expect(call({ shmSise: "1g" })).toThrow(OptionError);
    expect(call({ shmSise: "1g" })).toThrow(
      'Unknown option "shmSise" for the podman backend. Did you mean "shmSize"?',
    );
    expect(call({ jobs: "two" })).toThrow(/"jobs" of the podman backend must be a number/);
    expect(podmanBackend.constructBuildArgs({ contextPath: ".", shmSize: "1g" })).toEqual([
      "--shm-size",
      "1g",
      ".",
    ]);
  });
});
