import { createHash } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DEFAULT_DOCKER_HOST, dockerEndpoint, dockerEndpointHint } from "./endpoint.js";

describe("dockerEndpoint", () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });
  /** A docker config folder whose context `name` points at `host`, selected by `current`. */
  async function config(name: string, host: string, current?: string): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), "bento-docker-config-"));
    dirs.push(dir);
    const meta = join(dir, "contexts", "meta", createHash("sha256").update(name).digest("hex"));
    await mkdir(meta, { recursive: true });
    await writeFile(
      join(meta, "meta.json"),
      JSON.stringify({ Name: name, Endpoints: { docker: { Host: host } } }),
    );
    if (current)
      await writeFile(join(dir, "config.json"), JSON.stringify({ currentContext: current }));
    return dir;
  }

  it("is DOCKER_HOST when set, over any context", async () => {
    const dir = await config("farm", "tcp://127.0.0.1:2376", "farm");
    expect(dockerEndpoint({ DOCKER_HOST: "tcp://127.0.0.1:9", DOCKER_CONFIG: dir })).toEqual({
      address: "tcp://127.0.0.1:9",
      setting: "DOCKER_HOST",
    });
  });

  it("is the address of the context DOCKER_CONTEXT or the config selects", async () => {
    const dir = await config("farm", "tcp://127.0.0.1:2376", "farm");
    const expected = { address: "tcp://127.0.0.1:2376", setting: "docker context farm" };
    expect(dockerEndpoint({ DOCKER_CONFIG: dir })).toEqual(expected);
    expect(dockerEndpoint({ DOCKER_CONFIG: dir, DOCKER_CONTEXT: "farm" })).toEqual(expected);
    expect(dockerEndpoint({ DOCKER_CONFIG: dir, DOCKER_CONTEXT: "gone" })).toEqual({
      setting: "docker context gone",
    });
  });

  it("is the default socket without either", () => {
    expect(dockerEndpoint({ DOCKER_CONFIG: "/nonexistent" })).toEqual({
      address: DEFAULT_DOCKER_HOST,
    });
  });

  it("hints at the setting that chose the daemon", () => {
    expect(dockerEndpointHint({ address: "tcp://h:1", setting: "docker context farm" })).toMatch(
      /fix docker context farm .* DOCKER_CONTEXT/,
    );
    expect(dockerEndpointHint({ address: "unix:///x.sock", setting: "DOCKER_HOST" })).not.toMatch(
      /TLS/,
    );
  });
});
