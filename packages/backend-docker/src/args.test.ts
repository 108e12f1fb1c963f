import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BuildArgsInput } from "@bento/container-core";
import { describe, expect, it } from "vitest";
import { everyDockerOption } from "../test/every-option.js";
import { dockerBuildArgs } from "./args.js";
import type { DockerOptions } from "./options.js";

type Case = [rule: string, options: Partial<BuildArgsInput<DockerOptions>>, argv: string[]];

const cwd = mkdtempSync(join(tmpdir(), "bento-docker-args-"));
writeFileSync(join(cwd, "iid"), "");

describe("dockerBuildArgs", () => {
  it.each<Case>([
    ["the context path alone", {}, ["/ctx"]],
    [
      "tags once each and the file, long flags",
      { tag: ["svc:1", "svc:latest"], file: "/gen/Containerfile" },
      ["--tag", "svc:1", "--tag", "svc:latest", "--file", "/gen/Containerfile", "/ctx"],
    ],
    [
      "true gives the flag",
      { noCache: true, pull: true, quiet: true },
      ["--no-cache", "--pull", "--quiet", "/ctx"],
    ],
    ["false gives nothing", { noCache: false, pull: false }, ["/ctx"]],
    [
      "a string gives flag and value",
      { target: "runtime", network: "host" },
      ["--network", "host", "--target", "runtime", "/ctx"],
    ],
    [
      "an existing path is made absolute",
      { iidfile: "iid", cwd },
      ["--iidfile", join(cwd, "iid"), "/ctx"],
    ],
    [
      "a missing path is left alone",
      { iidfile: "later/iid", cwd },
      ["--iidfile", "later/iid", "/ctx"],
    ],
    [
      "a list repeats the flag",
      { platform: ["linux/amd64", "linux/arm64"] },
      ["--platform", "linux/amd64", "--platform", "linux/arm64", "/ctx"],
    ],
    [
      "addHost map gives host:ip each",
      { addHost: { db: "10.0.0.2", cache: "10.0.0.3" } },
      ["--add-host", "db:10.0.0.2", "--add-host", "cache:10.0.0.3", "/ctx"],
    ],
    [
      "buildArg map gives k=v each",
      { buildArg: { A: "1", B: "two words" } },
      ["--build-arg", "A=1", "--build-arg", "B=two words", "/ctx"],
    ],
    ["label map gives k=v each", { label: { team: "ml" } }, ["--label", "team=ml", "/ctx"]],
    [
      "buildArg list passes items",
      { buildArg: ["A=1", "B=2"] },
      ["--build-arg", "A=1", "--build-arg", "B=2", "/ctx"],
    ],
    [
      "cacheFrom map gives one k=v,k=v",
      { cacheFrom: { type: "local", src: "/tmp/cache" } },
      ["--cache-from", "type=local,src=/tmp/cache", "/ctx"],
    ],
    [
      "output map gives one k=v,k=v",
      { output: { type: "tar", dest: "/tmp/out.tar" } },
      ["--output", "type=tar,dest=/tmp/out.tar", "/ctx"],
    ],
    [
      "secret map gives one k=v,k=v",
      { secret: { id: "token", src: "/run/t" } },
      ["--secret", "id=token,src=/run/t", "/ctx"],
    ],
    [
      "secret list gives one flag each",
      { secret: ["id=a,src=/a", "id=b,src=/b"] },
      ["--secret", "id=a,src=/a", "--secret", "id=b,src=/b", "/ctx"],
    ],
    ["ssh string", { ssh: "default" }, ["--ssh", "default", "/ctx"]],
    ["progress enumeration", { progress: "plain" }, ["--progress", "plain", "/ctx"]],
    [
      "isolation default on Linux",
      { isolation: "default", hostPlatform: "linux" },
      ["--isolation", "default", "/ctx"],
    ],
    ["disableContentTrust writes no flag", { disableContentTrust: true }, ["/ctx"]],
    [
      "extraArgs go before the context",
      { noCache: true, extraArgs: ["--squash", "--memory=2g"] },
      ["--no-cache", "--squash", "--memory=2g", "/ctx"],
    ],
  ])("%s", (_rule, options, argv) => {
    expect(dockerBuildArgs({ contextPath: "/ctx", ...options })).toEqual(argv);
  });

  it("writes every option in table order", () => {
    const warnings: string[] = [];
    expect(
      dockerBuildArgs({ ...everyDockerOption, contextPath: "/ctx", warn: (m) => warnings.push(m) }),
    ).toEqual([
      ...["--add-host", "db:10.0.0.2", "--allow", "network.host", "--annotation", "note=x"],
      ...["--attest", "type=sbom", "--build-arg", "A=1", "--build-context", "base=/tmp/bento-base"],
      ...["--builder", "default", "--cache-from", "type=local,src=/tmp/bento-cache"],
      ...["--cache-to", "type=local,dest=/tmp/bento-cache", "--cgroup-parent", "bento"],
      ...["--compress", "--cpu-period", "100000", "--cpu-quota", "50000"],
      ...["--cpu-shares", "512", "--cpuset-cpus", "0", "--cpuset-mems", "0", "--force-rm"],
      ...["--iidfile", "/tmp/bento-iid", "--isolation", "default", "--label", "team=ml"],
      ...["--load", "--memory", "2g", "--memory-swap", "-1"],
      ...["--metadata-file", "/tmp/bento-metadata.json", "--network", "host", "--no-cache"],
      ...["--no-cache-filter", "build", "--output", "type=docker", "--platform", "linux/amd64"],
      ...["--progress", "plain", "--provenance", "mode=max", "--pull", "--quiet", "--rm"],
      ...["--sbom", "generator=scanner:1", "--secret", "id=token,src=/tmp/bento-token"],
      ...["--security-opt", "seccomp=unconfined", "--shm-size", "64m", "--squash"],
      ...["--ssh", "default", "--target", "runtime", "--ulimit", "nofile=1024:2048", "/ctx"],
    ]);
    // disableContentTrust writes no flag, and says so.
    expect(warnings).toEqual([
      "docker: disableContentTrust writes no flag: BuildKit builds never verify content trust.",
    ]);
  });

  it.each([
    ["linux", "hyperv", 1],
    ["darwin", "process", 1],
    ["win32", "hyperv", 0],
    ["linux", "default", 0],
  ] as const)(
    "on %s, isolation %s warns %d time(s) and still passes the flag",
    (hostPlatform, isolation, count) => {
      const warnings: string[] = [];
      const argv = dockerBuildArgs({
        contextPath: ".",
        isolation,
        hostPlatform,
        warn: (m) => warnings.push(m),
      });
      expect(argv).toEqual(["--isolation", isolation, "."]);
      expect(warnings).toHaveLength(count);
      if (count)
        expect(warnings[0]).toBe(`docker: isolation "${isolation}" only works on Windows hosts.`);
    },
  );
});
