import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  dockerContextName,
  dockerPluginCandidates,
  findDockerPlugin,
  readDockerConfig,
} from "./cli-config.js";

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "bento-docker-cli-"));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("the docker CLI's own settings", () => {
  it("reads config.json from DOCKER_CONFIG, and nothing from a missing or broken one", async () => {
    const env = { DOCKER_CONFIG: dir };
    expect(readDockerConfig(env)).toBeUndefined();
    await writeFile(join(dir, "config.json"), "{ not json");
    expect(readDockerConfig(env)).toBeUndefined();
    await writeFile(join(dir, "config.json"), JSON.stringify({ currentContext: "remote" }));
    expect(readDockerConfig(env)).toEqual({ currentContext: "remote" });
  });

  it("names the context as the CLI does: DOCKER_HOST, then DOCKER_CONTEXT, then the config", () => {
    const config = { currentContext: "from-config" };
    expect(dockerContextName({}, undefined)).toBe("default");
    expect(dockerContextName({}, config)).toBe("from-config");
    expect(dockerContextName({ DOCKER_CONTEXT: "from-env" }, config)).toBe("from-env");
    expect(dockerContextName({ DOCKER_HOST: "unix:///x.sock", DOCKER_CONTEXT: "c" }, config)).toBe(
      "default",
    );
  });

  it("looks for a plugin in the config's extra folders, the user's, then the system's", () => {
    const config = { cliPluginsExtraDirs: ["/opt/plugins"] };
    expect(dockerPluginCandidates("buildx", { DOCKER_CONFIG: "/cfg" }, config)).toEqual([
      "/opt/plugins/docker-buildx",
      "/cfg/cli-plugins/docker-buildx",
      "/usr/local/lib/docker/cli-plugins/docker-buildx",
      "/usr/local/libexec/docker/cli-plugins/docker-buildx",
      "/usr/lib/docker/cli-plugins/docker-buildx",
      "/usr/libexec/docker/cli-plugins/docker-buildx",
    ]);
  });

  it("finds the first plugin file, skipping folders of the same name", async () => {
    const name = `bento-test-${process.pid}`;
    const env = { DOCKER_CONFIG: dir };
    const extra = join(dir, "extra");
    const config = { cliPluginsExtraDirs: [extra] };
    expect(findDockerPlugin(name, env, config)).toBeUndefined();
    await mkdir(join(extra, `docker-${name}`), { recursive: true });
    await mkdir(join(dir, "cli-plugins"));
    await writeFile(join(dir, "cli-plugins", `docker-${name}`), "#!/bin/sh\n", { mode: 0o755 });
    expect(findDockerPlugin(name, env, config)).toBe(join(dir, "cli-plugins", `docker-${name}`));
  });
});
