import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fileIdentity } from "./fingerprint.js";

let dir: string;
let docker: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "bento-fingerprint-"));
  docker = join(dir, "docker");
  await writeFile(docker, "#!/bin/sh\n", { mode: 0o755 });
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("fileIdentity", () => {
  it("gives a file's identity, which changes when the file is replaced", async () => {
    const before = await fileIdentity(docker);
    expect(before).toMatch(new RegExp(`^${docker}@\\d+:10:`));
    await rm(docker);
    await writeFile(docker, "#!/bin/sh\n");
    expect(await fileIdentity(docker)).not.toBe(before);
    expect(await fileIdentity(join(dir, "missing"))).toBeUndefined();
  });
});
