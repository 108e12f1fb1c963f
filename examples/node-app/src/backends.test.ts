import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { getBackend, UnknownBackendError } from "@bento/container-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadBackend, pluginSpecifier } from "./backends.js";

describe("pluginSpecifier", () => {
  let dir = "";
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "node-app-plugin-"));
    await writeFile(join(dir, "plugin.mjs"), "");
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("imports an existing file, relative to cwd, by URL", () => {
    expect(pluginSpecifier("plugin.mjs", dir)).toBe(pathToFileURL(join(dir, "plugin.mjs")).href);
  });

  it("keeps a package name as it is", () => {
    expect(pluginSpecifier("bento-backend-kaniko", dir)).toBe("bento-backend-kaniko");
  });
});

describe("loadBackend", () => {
  it("imports the chosen built-in backend package", async () => {
    await loadBackend("podman", [], process.cwd());
    expect(getBackend("podman").source).toBe("@bento/backend-podman");
  });

  it("names the way out for an unknown backend", async () => {
    const failure = loadBackend("kaniko", [], process.cwd());
    await expect(failure).rejects.toThrow(UnknownBackendError);
    await expect(failure).rejects.toMatchObject({ hint: expect.stringContaining("--plugin") });
  });
});
