import type { BuildArgsInput } from "@bento/container-core";
import { describe, expect, it } from "vitest";
import { buildctlBuildArgs, buildctlLoadCommand } from "./args.js";
import { CONTEXT_NAME, contextLocalName } from "./named-context.js";
import type { BuildctlOptions } from "./options.js";

type Input = Partial<BuildArgsInput<BuildctlOptions>>;

const onPath =
  (...binaries: string[]) =>
  (binary: string) =>
    binaries.includes(binary) ? `/usr/bin/${binary}` : undefined;
const LOCALS = ["--local", "context=/ctx", "--local", "dockerfile=/ctx"];

/** The argv without the context's named-context pair (checked on its own below), and the warnings. */
function args(options: Input): { argv: string[]; warnings: string[] } {
  const warnings: string[] = [];
  const argv = buildctlBuildArgs({
    contextPath: "/ctx",
    which: onPath(),
    warn: (m) => warnings.push(m),
    ...options,
  });
  return { argv: withoutNamedContext(argv), warnings };
}

function withoutNamedContext(argv: readonly string[]): string[] {
  const local = `${contextLocalName("/ctx")}=/ctx`;
  const opt = `context:${CONTEXT_NAME}=local:${contextLocalName("/ctx")}`;
  const out: string[] = [];
  for (let at = 0; at < argv.length; at++) {
    if (argv[at + 1] === local || argv[at + 1] === opt) at++;
    else out.push(argv[at] as string);
  }
  return out;
}

describe("buildctlBuildArgs", () => {
  it.each<[string, Input, string[]]>([
    [
      "the dockerfile frontend and the context as both locals, no context path",
      {},
      ["--frontend", "dockerfile.v0", ...LOCALS],
    ],
    [
      "the file's directory is the dockerfile local and its name the filename opt",
      { file: "/gen/bento.dockerfile" },
      [
        "--frontend",
        "dockerfile.v0",
        "--local",
        "context=/ctx",
        "--local",
        "dockerfile=/gen",
        "--opt",
        "filename=bento.dockerfile",
      ],
    ],
    ["another frontend", { frontend: "custom.v0" }, ["--frontend", "custom.v0", ...LOCALS]],
    [
      "the gateway frontend gets the dockerfile source",
      { frontend: "gateway.v0" },
      ["--frontend", "gateway.v0", ...LOCALS, "--opt", "source=docker/dockerfile"],
    ],
    [
      "a raw source opt wins over the gateway default",
      { frontend: "gateway.v0", opt: { source: "custom/frontend" } },
      ["--frontend", "gateway.v0", ...LOCALS, "--opt", "source=custom/frontend"],
    ],
    [
      "own flags pass as flags",
      {
        progress: "plain",
        noCache: true,
        exportCache: { type: "local", dest: "/c" },
        importCache: { type: "local", src: "/c" },
        secret: { id: "t", src: "/t" },
        allow: "security.insecure",
        ssh: "default",
        metadataFile: "/m.json",
        trace: "/trace.json",
      },
      [
        "--frontend",
        "dockerfile.v0",
        ...LOCALS,
        "--progress",
        "plain",
        "--trace",
        "/trace.json",
        "--no-cache",
        "--export-cache",
        "type=local,dest=/c",
        "--import-cache",
        "type=local,src=/c",
        "--secret",
        "id=t,src=/t",
        "--allow",
        "security.insecure",
        "--ssh",
        "default",
        "--metadata-file",
        "/m.json",
      ],
    ],
    [
      "an output map is one k=v,k=v flag",
      { output: { type: "image", name: "svc:1", push: "false" } },
      ["--frontend", "dockerfile.v0", ...LOCALS, "--output", "type=image,name=svc:1,push=false"],
    ],
    [
      "frontend options: a string as --opt key=value, entries as --opt key:k=v",
      {
        target: "runtime",
        platform: "linux/amd64,linux/arm64",
        buildArg: { FOO: "bar", N: "1" },
        label: { team: "ml" },
      },
      [
        "--frontend",
        "dockerfile.v0",
        ...LOCALS,
        "--opt",
        "build-arg:FOO=bar",
        "--opt",
        "build-arg:N=1",
        "--opt",
        "label:team=ml",
        "--opt",
        "target=runtime",
        "--opt",
        "platform=linux/amd64,linux/arm64",
      ],
    ],
    [
      "list items are --opt key:item",
      {
        buildArg: ["A=1", "B=2"],
        buildContext: { base: "docker-image://base:1" },
        attest: { sbom: "", provenance: "mode=max" },
      },
      [
        "--frontend",
        "dockerfile.v0",
        ...LOCALS,
        "--opt",
        "build-arg:A=1",
        "--opt",
        "build-arg:B=2",
        "--opt",
        "context:base=docker-image://base:1",
        "--opt",
        "attest:sbom=",
        "--opt",
        "attest:provenance=mode=max",
      ],
    ],
    [
      "raw opts pass as --opt key=value",
      { opt: { "image-resolve-mode": "pull" } },
      ["--frontend", "dockerfile.v0", ...LOCALS, "--opt", "image-resolve-mode=pull"],
    ],
    [
      "more local directories after the two",
      { local: { assets: "/assets" } },
      ["--frontend", "dockerfile.v0", ...LOCALS, "--local", "assets=/assets"],
    ],
    [
      "extraArgs come last",
      { extraArgs: ["--debug-json-cache-metrics", "stdout"] },
      ["--frontend", "dockerfile.v0", ...LOCALS, "--debug-json-cache-metrics", "stdout"],
    ],
  ])("%s", (_rule, options, argv) => {
    expect(args(options)).toEqual({ argv, warnings: [] });
  });

  it("keeps context and dockerfile from the build, warning about the user's", () => {
    expect(args({ local: { context: "/elsewhere", extra: "/x" } })).toEqual({
      argv: ["--frontend", "dockerfile.v0", ...LOCALS, "--local", "extra=/x"],
      warnings: ["buildctl: local context is set by the build; /elsewhere is ignored."],
    });
  });

  it.each<[string, Input, string, readonly string[] | undefined]>([
    [
      "docker on PATH: a docker tarball named as tagged",
      { tag: ["svc:1"], which: onPath("docker", "podman") },
      "type=docker,name=svc:1",
      ["docker", "load"],
    ],
    [
      "several tags: one quoted name field",
      { tag: ["svc:1", "team/svc:latest"], which: onPath("docker") },
      'type=docker,"name=svc:1,team/svc:latest"',
      ["docker", "load"],
    ],
    [
      "a tag with a registry host keeps it",
      { tag: ["localhost:5000/svc:1"], which: onPath("docker") },
      "type=docker,name=localhost:5000/svc:1",
      ["docker", "load"],
    ],
    [
      "no docker: an OCI tarball for podman",
      { tag: ["svc:1"], which: onPath("podman", "nerdctl") },
      "type=oci,name=svc:1",
      ["podman", "load"],
    ],
    [
      "no docker or podman: nerdctl loads it",
      { tag: ["svc:1"], which: onPath("nerdctl") },
      "type=oci,name=svc:1",
      ["nerdctl", "load"],
    ],
  ])("with tags and no output, %s", (_rule, options, output, load) => {
    const result = args(options);
    expect(result.argv).toEqual(["--frontend", "dockerfile.v0", ...LOCALS, "--output", output]);
    expect(result.warnings).toEqual([]);
    expect(buildctlLoadCommand({ contextPath: "/ctx", ...options })).toEqual(load);
  });

  it.each<[string, Input, string, readonly string[] | undefined]>([
    [
      "push: an image pushed to the registry the tag names, nothing loaded",
      { tag: ["127.0.0.1:5000/svc:1"], push: true, which: onPath("docker") },
      "type=image,name=127.0.0.1:5000/svc:1,push=true",
      undefined,
    ],
    [
      "load: podman although docker is on PATH",
      { tag: ["svc:1"], load: "podman", which: onPath("docker", "podman") },
      "type=oci,name=svc:1",
      ["podman", "load"],
    ],
  ])("with tags and no output, %s", (_rule, options, output, load) => {
    const result = args(options);
    expect(result.argv).toEqual(["--frontend", "dockerfile.v0", ...LOCALS, "--output", output]);
    expect(result.warnings).toEqual([]);
    expect(buildctlLoadCommand({ contextPath: "/ctx", ...options })).toEqual(load);
  });

  it("warns when the store asked to load into is not on PATH", () => {
    const result = args({ tag: ["svc:1"], load: "podman", which: onPath("docker") });
    expect(result.warnings).toEqual([
      "buildctl: podman is not on PATH to load the image tarball into.",
    ]);
  });

  it.each<[string, Input, string]>([
    [
      "the automatic output",
      { tag: ["svc:1"], which: onPath("docker") },
      "type=docker,name=svc:1,rewrite-timestamp=true",
    ],
    [
      "a user's image output",
      { output: "type=image,name=r/svc:1,push=true" },
      "type=image,name=r/svc:1,push=true,rewrite-timestamp=true",
    ],
    [
      "a user's output map",
      { output: { type: "oci", dest: "/o.tar" } },
      "type=oci,dest=/o.tar,rewrite-timestamp=true",
    ],
    ["not a local directory", { output: "type=local,dest=/out" }, "type=local,dest=/out"],
    [
      "not when the user set it",
      { output: "type=image,name=r/svc:1,rewrite-timestamp=false" },
      "type=image,name=r/svc:1,rewrite-timestamp=false",
    ],
  ])("SOURCE_DATE_EPOCH on BuildKit 0.13: rewrite-timestamp on %s", (_rule, options, output) => {
    const argv = args({ ...options, buildArg: { SOURCE_DATE_EPOCH: "1" }, version: "0.13.2" }).argv;
    expect(argv[argv.indexOf("--output") + 1]).toBe(output);
  });

  it.each<[string, Input]>([
    ["BuildKit 0.12", { buildArg: ["SOURCE_DATE_EPOCH=1"], version: "0.12.5" }],
    ["an unknown version", { buildArg: "SOURCE_DATE_EPOCH=1" }],
    ["no SOURCE_DATE_EPOCH", { buildArg: { A: "1" }, version: "0.13.2" }],
  ])("no rewrite-timestamp with %s", (_rule, options) => {
    const argv = args({ ...options, output: "type=image,name=r/svc:1" }).argv;
    expect(argv[argv.indexOf("--output") + 1]).toBe("type=image,name=r/svc:1");
  });

  it.each<[string, string, Input]>([
    ["an automatic push", "0.13.2", { tag: ["r/svc:1"], push: true }],
    ["a user's pushing output", "0.13.2", { output: "type=image,name=r/svc:1,push=true" }],
  ])(
    "leaves rewrite-timestamp out of %s that imports a cache before BuildKit 0.15",
    (_rule, version, options) => {
      const importCache = "type=registry,ref=r/cache";
      const epoch = { buildArg: { SOURCE_DATE_EPOCH: "1" }, version, importCache, ...options };
      const result = args(epoch);
      expect(result.argv[result.argv.indexOf("--output") + 1]).toBe(
        "type=image,name=r/svc:1,push=true",
      );
      expect(result.warnings).toEqual([expect.stringMatching(/moby\/buildkit\/issues\/4793/)]);
      // Fixed in 0.15; and without a cache import, or without a push, it stays.
      for (const other of [
        { ...epoch, version: "0.15.0" },
        { ...epoch, importCache: undefined },
        { ...epoch, push: undefined, output: "type=image,name=r/svc:1" },
      ]) {
        const argv = args(other).argv;
        expect(argv[argv.indexOf("--output") + 1]).toMatch(/rewrite-timestamp=true$/);
      }
    },
  );

  it("warns when nothing on PATH can load the tarball", () => {
    const result = args({ tag: ["svc:1"], which: onPath() });
    expect(result.argv).toEqual([
      "--frontend",
      "dockerfile.v0",
      ...LOCALS,
      "--output",
      "type=oci,name=svc:1",
    ]);
    expect(result.warnings).toEqual([
      "buildctl: no docker, podman or nerdctl on PATH to load the image tarball into.",
    ]);
    expect(
      buildctlLoadCommand({ contextPath: "/ctx", tag: ["svc:1"], which: onPath() }),
    ).toBeUndefined();
  });

  it("leaves a user's output alone and loads nothing", () => {
    const options = { tag: ["svc:1"], output: "type=image,name=svc:1", which: onPath("docker") };
    expect(args(options).argv).toEqual([
      "--frontend",
      "dockerfile.v0",
      ...LOCALS,
      "--output",
      "type=image,name=svc:1",
    ]);
    expect(buildctlLoadCommand({ contextPath: "/ctx", ...options })).toBeUndefined();
  });

  it("writes no output without tags", () => {
    expect(buildctlLoadCommand({ contextPath: "/ctx", which: onPath("docker") })).toBeUndefined();
  });
});
