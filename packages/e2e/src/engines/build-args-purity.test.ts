import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildahBackend } from "@bento/backend-buildah";
import { buildctlBackend } from "@bento/backend-buildctl";
import { buildxBackend } from "@bento/backend-buildx";
import { dockerBackend } from "@bento/backend-docker";
import { nerdctlBackend } from "@bento/backend-nerdctl";
import { podmanBackend } from "@bento/backend-podman";
import type { OCIBuilder } from "@bento/container-core";
import { afterAll, describe, expect, it } from "vitest";

// A directory holding a real file of each path option's name: a backend that looked at
// the real filesystem instead of the input's `exists` would make them absolute.
const real = mkdtempSync(join(tmpdir(), "bento-args-purity-"));
for (const name of ["iid", "meta.json", "auth.json", "certs", "Containerfile"]) {
  writeFileSync(join(real, name), "");
}
afterAll(() => rmSync(real, { recursive: true, force: true }));

/** Each official backend with one of its path options, relative to `cwd`. */
const CASES: [string, OCIBuilder, string, string][] = [
  ["docker", dockerBackend as OCIBuilder, "iidfile", "iid"],
  ["buildx", buildxBackend as OCIBuilder, "metadataFile", "meta.json"],
  ["podman", podmanBackend as OCIBuilder, "authfile", "auth.json"],
  ["buildah", buildahBackend as OCIBuilder, "certDir", "certs"],
  ["nerdctl", nerdctlBackend as OCIBuilder, "iidfile", "iid"],
  ["buildctl", buildctlBackend as OCIBuilder, "metadataFile", "meta.json"],
];

function argsOf(builder: OCIBuilder, key: string, value: string, existing: readonly string[]) {
  const warnings: string[] = [];
  const argv = builder.constructBuildArgs({
    [key]: value,
    contextPath: "/ctx",
    file: "Containerfile",
    tag: ["purity:1"],
    cwd: real,
    version: "0.20.0",
    hostPlatform: "linux",
    which: (binary) => (binary === "podman" ? "/stand-in/podman" : undefined),
    exists: (path) => existing.includes(path),
    warn: (message) => warnings.push(message),
  });
  return { argv, warnings };
}

describe("constructBuildArgs of every official backend is pure given its lookups", () => {
  it.each(CASES)("%s: the same input gives the same argv", (_, builder, key, value) => {
    const existing = [join(real, value)];
    expect(argsOf(builder, key, value, existing)).toEqual(argsOf(builder, key, value, existing));
  });

  it.each(CASES)("%s: paths are resolved by `exists`, not the disk", (_, builder, key, value) => {
    const unknown = argsOf(builder, key, value, []).argv;
    expect(unknown).toContain(value);
    expect(unknown).not.toContain(join(real, value));
    const known = argsOf(builder, key, value, [join(real, value)]).argv;
    expect(known).toContain(join(real, value));
    expect(known).not.toContain(value);
  });

  it("buildctl picks its image store by `which`, not the real PATH", () => {
    const { argv } = argsOf(buildctlBackend as OCIBuilder, "metadataFile", "meta.json", []);
    expect(argv).toContain("type=oci,name=purity:1");
    expect(
      buildctlBackend.loadCommand?.({
        contextPath: "/ctx",
        tag: ["purity:1"],
        which: () => undefined,
      }),
    ).toBeUndefined();
  });
});
