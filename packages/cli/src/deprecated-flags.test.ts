import { describe, expect, it } from "vitest";
import { DIRECT_FLAGS, directFlagTable } from "./deprecated-flags.js";
import { directFlagEntries } from "./opt-grammar.js";

describe("directFlagEntries", () => {
  it("maps each direct flag to the --opt entry it stands for, with a deprecation note", () => {
    const { entries, notes } = directFlagEntries({
      "build-arg": ["FOO=bar", "X=1"],
      "no-cache": true,
      iidfile: ["/tmp/id"],
      pull: false,
    });
    expect(entries).toEqual([
      { key: "buildArg", value: "FOO=bar" },
      { key: "buildArg", value: "X=1" },
      { key: "iidfile", value: "/tmp/id" },
      { key: "noCache", value: true },
    ]);
    expect(notes).toEqual([
      "--build-arg is deprecated; use --opt build-arg=FOO=bar --opt build-arg=X=1 instead.",
      "--iidfile is deprecated; use --opt iidfile=/tmp/id instead.",
      "--no-cache is deprecated; use --opt no-cache instead.",
    ]);
  });

  it("ignores flags that are not direct flags", () => {
    expect(directFlagEntries({ backend: "docker", progress: "plain" })).toEqual({
      entries: [],
      notes: [],
    });
  });
});

describe("DIRECT_FLAGS", () => {
  it("holds BentoML's direct flags but not --progress, which is the CLI's own", () => {
    for (const flag of ["build-arg", "label", "no-cache", "platform", "cache-from", "network"]) {
      expect(DIRECT_FLAGS).toHaveProperty([flag]);
    }
    for (const flag of ["target", "secret", "ssh", "pull"])
      expect(DIRECT_FLAGS).toHaveProperty([flag]);
    expect(DIRECT_FLAGS).not.toHaveProperty(["progress"]);
  });

  it("with --progress, are BentoML's 29: its equivalent and buildx groups", () => {
    const bentoml = [
      ...["add-host", "build-arg", "cache-from", "iidfile", "label", "network", "no-cache"],
      ...["output", "platform", "progress", "pull", "secret", "ssh", "target"],
      ...["allow", "attest", "build-context", "builder", "cache-to", "load", "push"],
      ...["provenance", "quiet", "cgroup-parent", "ulimit", "no-cache-filter"],
      ...["metadata-file", "sbom", "shm-size"],
    ];
    expect(bentoml).toHaveLength(29);
    expect([...Object.keys(DIRECT_FLAGS), "progress"].sort()).toEqual([...bentoml].sort());
    const { entries, notes } = directFlagEntries({
      attest: ["type=sbom"],
      provenance: ["mode=max"],
      sbom: ["true"],
    });
    expect(entries).toEqual([
      { key: "attest", value: "type=sbom" },
      { key: "provenance", value: "mode=max" },
      { key: "sbom", value: "true" },
    ]);
    expect(notes).toEqual([
      "--attest is deprecated; use --opt attest=type=sbom instead.",
      "--provenance is deprecated; use --opt provenance=mode=max instead.",
      "--sbom is deprecated; use --opt sbom=true instead.",
    ]);
  });

  it("becomes hidden flags, repeatable when they take a value", () => {
    const table = directFlagTable();
    expect(table["build-arg"]).toMatchObject({ type: "string", multiple: true, hidden: true });
    expect(table["no-cache"]).toMatchObject({ type: "boolean", multiple: false, hidden: true });
  });
});
