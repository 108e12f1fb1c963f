import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXAMPLE_BENTO, EXAMPLE_HOME, mustRun, packed } from "./helpers/packed.js";

// (7) The packed `bento` command, installed by npm.

describe("the packed bento CLI", () => {
  const bento = () => join(packed().app, "node_modules/.bin/bento");
  const env = () => ({
    ...process.env,
    BENTOML_HOME: EXAMPLE_HOME,
    BENTO_CONTAINER_CACHE_DIR: join(packed().root, "cli-cache"),
  });

  it("--help", async () => {
    const { stdout } = await mustRun([bento(), "--help"], { cwd: packed().app, env: env() });
    expect(stdout).toContain("containerize");
    expect(stdout).toContain("--plugin");
  });

  it("backends lists the six official backends", async () => {
    const { stdout } = await mustRun([bento(), "backends", "--json"], {
      cwd: packed().app,
      env: env(),
    });
    const names = (JSON.parse(stdout) as { name: string }[]).map((backend) => backend.name);
    expect(names).toEqual(["docker", "buildx", "podman", "buildah", "nerdctl", "buildctl"]);
  });

  it("containerfile renders the example bento from the inlined templates", async () => {
    const { stdout } = await mustRun([bento(), "containerfile", EXAMPLE_BENTO], {
      cwd: packed().app,
      env: env(),
    });
    expect(stdout).toMatch(/^FROM /m);
    expect(stdout).toContain("ENTRYPOINT");
  });
});
