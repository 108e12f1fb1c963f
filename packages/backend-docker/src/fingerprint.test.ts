import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { healthContext } from "@bento/container-core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { dockerFingerprint } from "./fingerprint.js";

let dir: string;
let docker: string;
let socket: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "bento-fingerprint-"));
  docker = join(dir, "docker");
  socket = join(dir, "docker.sock");
  await writeFile(docker, "#!/bin/sh\n", { mode: 0o755 });
  await writeFile(socket, "");
  await mkdir(join(dir, "config"));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A fingerprint for a docker found at `docker`, talking to `env`'s daemon. */
function fingerprint(env: Record<string, string>, plugins: string[] = []) {
  const context = healthContext({
    env: { DOCKER_CONFIG: join(dir, "config"), ...env },
    which: (binary) => (binary === "docker" ? docker : undefined),
  });
  return dockerFingerprint(context, plugins);
}

describe("dockerFingerprint", () => {
  it("follows the daemon socket: a restarted daemon (new socket) reads differently", async () => {
    const env = { DOCKER_HOST: `unix://${socket}` };
    const first = await fingerprint(env);
    expect(first).toContain(`${socket}@`);
    expect(await fingerprint(env)).toBe(first);
    await rm(socket);
    await writeFile(socket, "");
    expect(await fingerprint(env)).not.toBe(first);
  });

  it("changes with the variables that pick the daemon or builder, and with extra files", async () => {
    const env = { DOCKER_HOST: `unix://${socket}` };
    const first = await fingerprint(env);
    expect(await fingerprint({ ...env, DOCKER_BUILDKIT: "0" })).not.toBe(first);
    expect(await fingerprint({ ...env, BUILDX_BUILDER: "remote" })).not.toBe(first);
    const plugin = join(dir, "config", "cli-plugins", "docker-buildx");
    await mkdir(dirname(plugin));
    await writeFile(plugin, "");
    expect(await fingerprint(env, ["buildx"])).toContain(`${plugin}@`);
  });

  it("cannot tell for a TCP or SSH daemon, another context, or a missing socket", async () => {
    expect(await fingerprint({ DOCKER_HOST: "tcp://127.0.0.1:2375" })).toBeUndefined();
    expect(await fingerprint({ DOCKER_HOST: "ssh://me@host" })).toBeUndefined();
    expect(await fingerprint({ DOCKER_CONTEXT: "remote" })).toBeUndefined();
    await writeFile(join(dir, "config", "config.json"), JSON.stringify({ currentContext: "ci" }));
    expect(await fingerprint({})).toBeUndefined();
    expect(await fingerprint({ DOCKER_HOST: `unix://${join(dir, "gone.sock")}` })).toBeUndefined();
  });

  it("cannot tell without a docker binary", async () => {
    const context = healthContext({
      env: { DOCKER_HOST: `unix://${socket}` },
      which: () => undefined,
    });
    expect(await dockerFingerprint(context)).toBeUndefined();
  });
});
