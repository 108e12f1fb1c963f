import type { OptionTable } from "@bento/container-core";
import { FLAGS_SET_BY_BUILD, flagsMissingFromTable, tableFlags } from "@bento/test-support";
import { describe, expect, it } from "vitest";
import { nerdctlOptions } from "./options.js";

const table: OptionTable = nerdctlOptions;

// nerdctl has no package here to ask for its `--help`, so the table is checked both ways
// against the flags its command reference documents for `nerdctl build`:
// https://github.com/containerd/nerdctl/blob/main/docs/command-reference.md#whale-nerdctl-build
const DOCUMENTED_BUILD_FLAGS = [
  "allow",
  "attest",
  "build-arg",
  "build-context",
  "buildkit-host",
  "cache-from",
  "cache-to",
  "file",
  "iidfile",
  "ipfs",
  "label",
  "network",
  "no-cache",
  "output",
  "platform",
  "progress",
  "provenance",
  "quiet",
  "sbom",
  "secret",
  "ssh",
  "tag",
  "target",
];

/**
 * Table entries that are not `nerdctl build` flags of the reference: nerdctl's global flags
 * (BentoML's nerdctl signature passes them after `build`; cobra takes persistent flags there),
 * https://github.com/containerd/nerdctl/blob/main/docs/command-reference.md#global-flags,
 * and `--rm`, which nerdctl accepts for docker compatibility and ignores.
 */
const GLOBAL_AND_COMPAT_FLAGS = [
  "address",
  "cgroup-manager",
  "cni-netconfpath",
  "cni-path",
  "data-root",
  "debug",
  "debug-full",
  "host",
  "hosts-dir",
  "insecure-registry",
  "namespace",
  "rm",
  "snapshotter",
  "storage-driver",
];

describe("nerdctl's option table against its documented build flags", () => {
  it("has an option for every documented flag", () => {
    expect(flagsMissingFromTable(DOCUMENTED_BUILD_FLAGS, table)).toEqual([]);
  });

  it("writes no flag the reference does not document, global flags aside", () => {
    const undocumented = [...tableFlags(table)].filter(
      (flag) =>
        !DOCUMENTED_BUILD_FLAGS.includes(flag) &&
        !GLOBAL_AND_COMPAT_FLAGS.includes(flag) &&
        !FLAGS_SET_BY_BUILD.includes(flag),
    );
    expect(undocumented).toEqual([]);
  });
});
