import { existsSync } from "node:fs";
import { join } from "node:path";
import type { BuildResult } from "@bento/container-core";
import {
  type RecordingStandIn,
  recordingStandIn,
  type TempDir,
  tempDir,
} from "@bento/test-support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO, runApp } from "./run-app.js";

// The README's dry run: the real docker backend builds the argv, with a
// recording stand-in `docker` on PATH answering its health check.

describe("node-app --dry-run", () => {
  let docker: RecordingStandIn;
  let cache: TempDir;
  let result: BuildResult;
  let stderr = "";

  beforeAll(async () => {
    docker = await recordingStandIn("docker", { versionOutput: '"24.0.7"\n' });
    cache = await tempDir("node-app-dry-run-");
    const run = runApp(
      [
        "examples/bentos/iris-classifier",
        "--dry-run",
        "-t",
        "iris-classifier:demo",
        "--base-image",
        "bento-base:bookworm",
      ],
      {
        ...process.env,
        PATH: docker.pathEnv(),
        BENTOML_HOME: "examples/bentoml-home",
        BENTO_CONTAINER_CACHE_DIR: cache.path,
        BENTOML_CONTAINERIZE_BACKEND: undefined,
      },
    );
    const { code } = await run.exit;
    stderr = run.stderr();
    expect(code, stderr).toBe(0);
    result = JSON.parse(run.stdout()) as BuildResult;
  });
  afterAll(async () => {
    await docker.cleanup();
    await cache.cleanup();
  });

  it("prints the BuildResult of a dry run with the docker backend", () => {
    expect(result).toMatchObject({
      dryRun: true,
      backend: "docker",
      tags: ["iris-classifier:demo"],
    });
    expect(result.imageId).toBeUndefined();
    expect(result.contextPath.startsWith(cache.path)).toBe(true);
    expect(result.argv.slice(0, 4)).toEqual(["docker", "build", "--tag", "iris-classifier:demo"]);
    expect(result.argv.slice(4, 6)).toEqual(["--file", result.containerfilePath]);
    expect(result.argv.at(-1)).toBe(result.contextPath);
    expect(result.argv).toContain("SOURCE_DATE_EPOCH=1768472430");
  });

  it("renders the bento's image settings into the Containerfile", () => {
    expect(result.containerfile).toContain("FROM bento-base:bookworm AS base-container");
    expect(result.containerfile).toContain("RUN  echo built > /tmp/commands-ran");
    expect(result.containerfile).toContain("ARG IRIS_MODE=demo");
    expect(result.containerfile).not.toContain("IRIS_LOG_LEVEL");
  });

  it("stages the model from the example store into the context", () => {
    const model = join(result.contextPath, "models/iris_model/r6tb2fv7ccdxkhqb/saved_model.pkl");
    expect(existsSync(model)).toBe(true);
    expect(existsSync(join(REPO, "examples/bentos/iris-classifier/models"))).toBe(false);
  });

  it("reports progress on stderr and runs no build", async () => {
    expect(stderr).toContain("bento iris_classifier:x4kzqfv7ckc3ahqb");
    expect(stderr).toContain("backend docker 24.0.7");
    // Before a build docker's health check asks the server only; nothing else runs.
    const calls = (await docker.calls()).map((call) => call.argv.join(" "));
    expect(calls).toEqual(["version --format {{json .Server.Version}} {{json .Client.Version}}"]);
  });
});
