import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BuildArgsInput } from "@bento/container-core";
import { describe, expect, it } from "vitest";
import { buildahBuildArgs } from "./args.js";
import type { BuildahOptions } from "./options.js";

type Case = [rule: string, options: Partial<BuildArgsInput<BuildahOptions>>, argv: string[]];

const cwd = mkdtempSync(join(tmpdir(), "bento-buildah-args-"));
mkdirSync(join(cwd, "certs"));

describe("buildahBuildArgs", () => {
  it.each<Case>([
    ["the context path alone", {}, ["/ctx"]],
    [
      "tags once each and the file, long flags",
      { tag: ["svc:1", "svc:2"], file: "/gen/Containerfile" },
      ["--tag", "svc:1", "--tag", "svc:2", "--file", "/gen/Containerfile", "/ctx"],
    ],
    ["pullAlways is written --pull=always", { pullAlways: true }, ["--pull=always", "/ctx"]],
    ["pullNever is written --pull=never", { pullNever: true }, ["--pull=never", "/ctx"]],
    ["pull: true is the bare flag", { pull: true }, ["--pull", "/ctx"]],
    ["false gives nothing", { pull: false, pullAlways: false, layers: false }, ["/ctx"]],
    [
      "a number gives flag and value",
      { jobs: 4, timestamp: 1700000000 },
      ["--jobs", "4", "--timestamp", "1700000000", "/ctx"],
    ],
    [
      "a string gives flag and value",
      { isolation: "chroot", format: "docker" },
      ["--format", "docker", "--isolation", "chroot", "/ctx"],
    ],
    [
      "an existing directory is made absolute",
      { certDir: "certs", cwd },
      ["--cert-dir", join(cwd, "certs"), "/ctx"],
    ],
    [
      "a list repeats the flag",
      { dnsSearch: ["a.internal", "b.internal"] },
      ["--dns-search", "a.internal", "--dns-search", "b.internal", "/ctx"],
    ],
    [
      "addHost map gives host:ip",
      { addHost: { db: "10.0.0.2" } },
      ["--add-host", "db:10.0.0.2", "/ctx"],
    ],
    [
      "annotation, label, buildArg, runtimeFlag maps give k=v each",
      {
        annotation: { a: "1" },
        label: { l: "2" },
        buildArg: { B: "3" },
        runtimeFlag: { debug: "true" },
      },
      [
        "--annotation",
        "a=1",
        "--label",
        "l=2",
        "--build-arg",
        "B=3",
        "--runtime-flag",
        "debug=true",
        "/ctx",
      ],
    ],
    [
      "creds and decryptionKey maps give k:v each",
      { creds: { alice: "pw" }, decryptionKey: { "key.pem": "phrase" } },
      ["--creds", "alice:pw", "--decryption-key", "key.pem:phrase", "/ctx"],
    ],
    [
      "secret map gives one k=v,k=v",
      { secret: { id: "t", src: "/t" } },
      ["--secret", "id=t,src=/t", "/ctx"],
    ],
    [
      "ulimit map gives type=soft:hard",
      { ulimit: { nofile: [1024, 2048] } },
      ["--ulimit", "nofile=1024:2048", "/ctx"],
    ],
    [
      "a volume 3-tuple is joined with :",
      { volume: ["/src", "/dst", "ro"] },
      ["--volume", "/src:/dst:ro", "/ctx"],
    ],
    ["extraArgs go before the context", { extraArgs: ["--logsplit"] }, ["--logsplit", "/ctx"]],
  ])("%s", (_rule, options, argv) => {
    expect(buildahBuildArgs({ contextPath: "/ctx", ...options })).toEqual(argv);
  });
});
