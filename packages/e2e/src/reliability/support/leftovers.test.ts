import { describe, expect, it } from "vitest";
import { unstable } from "./leftovers.js";

describe("unstable", () => {
  it.each([
    ["a run directory", "cache/run-4242-Ab12Cd/"],
    ["a file in a run directory", "cache/run-4242-Ab12Cd/image-id"],
    ["the secret files' directory", "tmp/bento-secrets-4242-Ab12Cd/"],
    ["a secret file", "tmp/bento-secrets-4242-Ab12Cd/API_TOKEN"],
    ["anything else in TMPDIR", "tmp/buildah123456"],
    ["a staged context's lock", "cache/contexts/iris-v1.lock"],
    ["an environment image's lock", "cache/environments/0123abcd.lock"],
    ["a lock's takeover guard", "cache/contexts/iris-v1.lock.takeover"],
    ["a half-written cache file", "cache/builds/0123abcd.json.89abcdef.tmp"],
    ["an unpacked archive", "cache/archives/archive-Ab12Cd/"],
    ["a file of an unpacked archive", "cache/archives/archive-Ab12Cd/bento.yaml"],
  ])("flags %s", (_, path) => {
    expect(unstable([path])).toEqual([path]);
  });

  it.each([
    ["the archives folder", "cache/archives/"],
    ["a staged context", "cache/contexts/iris-v1/src/service.py"],
    ["a spare staged context", "cache/contexts/iris-v1~2/"],
    ["a generated Containerfile", "cache/containerfiles/iris-v1-0123abcd.Containerfile"],
    ["a remembered health check", "cache/health/docker.json"],
    ["a Hugging Face commit listing", "cache/hf-listings/org--model/0123abcd.json"],
    ["a built image's record", "cache/builds/0123abcd.json"],
    ["the remembered base image ids", "cache/environments/base-ids.json"],
    ["a stable cache file core adds later", "cache/some-new-index/entries.json"],
  ])("keeps %s", (_, path) => {
    expect(unstable([path])).toEqual([]);
  });
});
