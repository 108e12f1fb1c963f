import type { BuildArgsInput } from "@bento/container-core";
import { describe, expect, it } from "vitest";
import { nerdctlBuildArgs } from "./args.js";
import type { NerdctlOptions } from "./options.js";

type Case = [rule: string, options: Partial<BuildArgsInput<NerdctlOptions>>, argv: string[]];

describe("nerdctlBuildArgs", () => {
  it.each<Case>([
    ["the context path alone", {}, ["/ctx"]],
    [
      "tags once each and the file, long flags",
      { tag: ["svc:1", "svc:2"], file: "/gen/Containerfile" },
      ["--tag", "svc:1", "--tag", "svc:2", "--file", "/gen/Containerfile", "/ctx"],
    ],
    ["true gives the flag", { noCache: true, ipfs: true }, ["--ipfs", "--no-cache", "/ctx"]],
    ["false gives nothing", { noCache: false, rm: false }, ["/ctx"]],
    [
      "buildArg and label maps give k=v each",
      { buildArg: { A: "1" }, label: { l: "2" } },
      ["--build-arg", "A=1", "--label", "l=2", "/ctx"],
    ],
    [
      "cacheFrom, cacheTo, output, secret maps give one k=v,k=v",
      {
        cacheFrom: { type: "local", src: "/c" },
        cacheTo: { type: "local", dest: "/c" },
        output: { type: "tar", dest: "/o.tar" },
        secret: { id: "t", src: "/t" },
      },
      [
        ...["--cache-from", "type=local,src=/c", "--cache-to", "type=local,dest=/c"],
        ...["--output", "type=tar,dest=/o.tar", "--secret", "id=t,src=/t", "/ctx"],
      ],
    ],
    [
      "a list repeats the flag",
      { platform: ["linux/amd64", "linux/arm64"] },
      ["--platform", "linux/amd64", "--platform", "linux/arm64", "/ctx"],
    ],
    [
      "global flags in kebab-case",
      {
        namespace: "k8s.io",
        buildkitHost: "unix:///run/buildkit/buildkitd.sock",
        insecureRegistry: true,
        hostsDir: ["/etc/containerd/certs.d"],
      },
      [
        ...[
          "--buildkit-host",
          "unix:///run/buildkit/buildkitd.sock",
          "--hosts-dir",
          "/etc/containerd/certs.d",
        ],
        ...["--insecure-registry", "--namespace", "k8s.io", "/ctx"],
      ],
    ],
    [
      "extraArgs go before the context",
      { extraArgs: ["--attest", "type=sbom"] },
      ["--attest", "type=sbom", "/ctx"],
    ],
  ])("%s", (_rule, options, argv) => {
    expect(nerdctlBuildArgs({ contextPath: "/ctx", ...options })).toEqual(argv);
  });
});
