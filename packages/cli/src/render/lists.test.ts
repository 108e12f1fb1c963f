import { defineBackend, liveCapabilities } from "@bento/container-core";
import { describe, expect, it } from "vitest";
import { backendsJson, backendsText, capabilityCell, optionType } from "./backends.js";
import { bentosJson, bentosText, formatCreated } from "./bentos.js";
import { healthText, type LiveReport } from "./health.js";

describe("healthText", () => {
  it("tabulates every report, the live capabilities of the healthy ones, and the fixes", () => {
    const reports: LiveReport[] = [
      {
        backend: "docker",
        healthy: true,
        version: "24.0.7",
        clientVersion: "28.2.2",
        binary: "/usr/bin/docker",
        capabilities: liveCapabilities({ cacheMount: true, push: { since: "25.0" } }, "24.0.7"),
      },
      {
        backend: "nerdctl",
        healthy: false,
        reason: "`nerdctl` is not on PATH",
        hint: "Install it.",
        capabilities: liveCapabilities({}, undefined),
      },
    ];
    expect(healthText(reports, false)).toBe(
      [
        "BACKEND  STATUS     VERSION              BINARY           REASON",
        "docker   healthy    24.0.7 (CLI 28.2.2)  /usr/bin/docker",
        "nerdctl  unhealthy  -                    -                `nerdctl` is not on PATH",
        "",
        "Live capabilities:",
        "CAPABILITY              docker",
        "buildkitSyntax          no",
        "cacheMount              yes",
        "secretMount             no",
        "multiPlatform           no",
        "push                    no",
        "load                    no",
        "attestations            no",
        "imageIdOutput           no",
        "reproducibleTimestamps  no",
        "progress                no",
        "",
        "To fix:",
        "  nerdctl: Install it.",
        "",
      ].join("\n"),
    );
  });

  it("names the endpoint and builder checked when a report has one", () => {
    const reports: LiveReport[] = [
      {
        backend: "buildx",
        healthy: true,
        version: "0.13.2",
        binary: "/usr/bin/docker",
        builder: "farm (remote driver)",
        endpoint: "tcp://127.0.0.1:1234",
        capabilities: liveCapabilities({}, "0.13.2"),
      },
      {
        backend: "buildctl",
        healthy: false,
        endpoint: "tcp://127.0.0.1:9",
        reason: "no answer",
        capabilities: liveCapabilities({}, undefined),
      },
      { backend: "podman", healthy: true, capabilities: liveCapabilities({}, undefined) },
    ];
    expect(healthText(reports, false).split("\n").slice(0, 4)).toEqual([
      "BACKEND   STATUS     VERSION  BINARY           ENDPOINT                                      REASON",
      "buildx    healthy    0.13.2   /usr/bin/docker  farm (remote driver) at tcp://127.0.0.1:1234",
      "buildctl  unhealthy  -        -                tcp://127.0.0.1:9                             no answer",
      "podman    healthy    -        -                -",
    ]);
  });

  it("turns withheld capabilities off whatever the version", () => {
    const live = liveCapabilities({ attestations: { since: "0.11" } }, "0.13.2", {
      attestations: "the docker driver",
    });
    expect(live.attestations).toBe(false);
    expect(liveCapabilities({ attestations: { since: "0.11" } }, "0.13.2").attestations).toBe(true);
  });
});

describe("backends", () => {
  const builder = defineBackend("kaniko", {
    source: "bento-backend-kaniko",
    description: "kaniko executor",
    binary: "executor",
    buildCommand: [],
    buildkitSupport: false,
    options: {
      buildArg: { kind: "pairs", separator: "=", doc: "Build-time variables" },
      noPush: { kind: "boolean", doc: "Build only" },
      verbosity: { kind: "string", values: ["info", "debug"], doc: "Log level" },
    },
    capabilities: { push: true, reproducibleTimestamps: { since: "1.9" } },
    constructBuildArgs: () => [],
  });

  it.each([
    [{ kind: "boolean", doc: "" }, "(flag)"],
    [{ kind: "boolean", values: ["always", "never"], doc: "" }, "(flag)|always|never"],
    [{ kind: "string", doc: "" }, "VALUE"],
    [{ kind: "string", path: true, doc: "" }, "PATH"],
    [{ kind: "number", doc: "" }, "NUMBER"],
    [{ kind: "list", doc: "" }, "VALUE..."],
    [{ kind: "pairs", separator: ":", doc: "" }, "KEY:VALUE..."],
    [{ kind: "csv", doc: "" }, "K=V[,K=V]..."],
    [{ kind: "ulimit", doc: "" }, "TYPE=SOFT:HARD..."],
    [{ kind: "tuple", doc: "" }, "A:B:C..."],
  ] as const)("shows %j as %s", (spec, type) => {
    expect(optionType(spec)).toBe(type);
  });

  it("shows capability support", () => {
    expect(capabilityCell(true)).toBe("yes");
    expect(capabilityCell(undefined)).toBe("no");
    expect(capabilityCell({ since: "4.0" })).toBe(">=4.0");
  });

  it("lists source, command, options and the capability matrix", () => {
    const text = backendsText([builder], false);
    expect(text).toContain("kaniko  kaniko executor\n  from:     bento-backend-kaniko\n");
    expect(text).toContain("  command:  executor\n  buildkit: no\n");
    expect(text).toContain("    build-arg  KEY=VALUE...  Build-time variables\n");
    expect(text).toContain("    verbosity  info|debug    Log level\n");
    expect(text).toMatch(/CAPABILITY +kaniko\n/);
    expect(text).toMatch(/\npush +yes\n/);
    expect(text).toMatch(/\nreproducibleTimestamps +>=1\.9\n/);
    expect(backendsText([], false)).toBe("No backends are registered.\n");
  });

  it("gives the same data as JSON", () => {
    const [json] = backendsJson([builder]);
    expect(json).toMatchObject({
      name: "kaniko",
      source: "bento-backend-kaniko",
      command: ["executor"],
      buildkitSupport: false,
      capabilities: { push: true, load: false, reproducibleTimestamps: { since: "1.9" } },
    });
    expect(json?.options[0]).toEqual({
      key: "buildArg",
      opt: "build-arg",
      type: "KEY=VALUE...",
      kind: "pairs",
      separator: "=",
      doc: "Build-time variables",
    });
  });
});

describe("bentos", () => {
  const listing = {
    name: "iris",
    version: "v2",
    tag: "iris:v2",
    path: "/home/bentos/iris/v2",
    creationTime: new Date("2026-01-02T03:04:05.678Z"),
    latest: true,
  };

  it("tabulates the store, newest first as given", () => {
    const older = {
      ...listing,
      version: "v1",
      tag: "iris:v1",
      path: "/home/bentos/iris/v1",
      latest: false,
      creationTime: undefined,
    };
    expect(bentosText([listing, older], "/home")).toBe(
      [
        "TAG      CREATED               LATEST  PATH",
        "iris:v2  2026-01-02T03:04:05Z  yes     /home/bentos/iris/v2",
        "iris:v1  -                             /home/bentos/iris/v1",
        "",
      ].join("\n"),
    );
    expect(bentosText([], "/home")).toBe("No bentos in /home.\n");
    expect(formatCreated(undefined)).toBe("-");
  });

  it("gives JSON with ISO times", () => {
    expect(bentosJson([listing])).toEqual([
      {
        tag: "iris:v2",
        name: "iris",
        version: "v2",
        path: "/home/bentos/iris/v2",
        creationTime: "2026-01-02T03:04:05.678Z",
        latest: true,
      },
    ]);
  });
});
