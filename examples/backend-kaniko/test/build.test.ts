import { fileURLToPath } from "node:url";
import {
  type RecordingStandIn,
  recordingStandIn,
  type TempDir,
  tempDir,
} from "@bento/backend-testing";
import { type BuildOptions, build, getBackend } from "@bento/container-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { kanikoBackend } from "../src/index.js";

// A whole build() through core with a recording stand-in `executor` on PATH:
// the example iris bento, its model from the example store, kaniko's argv and
// the image digest read back from --digest-file.

const examples = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const IRIS = examples("bentos/iris-classifier");
const DIGEST = `sha256:${"ab12".repeat(16)}`;

describe("build() with the kaniko backend", () => {
  let standIn: RecordingStandIn;
  let cache: TempDir;

  beforeAll(async () => {
    standIn = await recordingStandIn("executor", {
      versionOutput: "Kaniko version :  v1.23.2\n",
      stdout: "INFO[0000] Built cross stage deps\nINFO[0003] Skipping push to container registry\n",
      flagFiles: { "--digest-file": DIGEST },
    });
    cache = await tempDir("kaniko-build-");
  });
  afterAll(async () => {
    await standIn.cleanup();
    await cache.cleanup();
  });

  const env = () => ({
    ...process.env,
    PATH: standIn.pathEnv(),
    BENTOML_HOME: examples("bentoml-home"),
    BENTO_CONTAINER_CACHE_DIR: cache.path,
  });

  it("is registered on import", () => {
    expect(getBackend("kaniko")).toBe(kanikoBackend);
    expect(kanikoBackend.binary).toBe("executor");
  });

  it("runs the executor and returns the digest as the image id", async () => {
    const result = await build(IRIS, {
      backend: "kaniko",
      imageTag: "iris-classifier:demo",
      snapshotMode: "redo",
      stripTimestamps: true,
      env: env(),
    });

    expect(result.imageId).toBe(DIGEST);
    expect(result.backend).toBe("kaniko");
    expect(result.output).toContain("Skipping push");
    expect(result.reproducible).toEqual({
      applied: false,
      reason: "kaniko cannot pin image timestamps",
    });
    // kaniko reads no BuildKit syntax, so the Containerfile has no RUN --mount.
    expect(result.containerfile).not.toContain("--mount");
    expect(result.containerfile).toMatch(/^RUN echo built > \/tmp\/commands-ran$/m);

    const [health, run] = await standIn.calls();
    expect(health?.argv).toEqual(["version"]);
    expect(run?.argv).toEqual(result.argv.slice(1));
    expect(result.argv.slice(0, 9)).toEqual([
      "executor",
      "--dockerfile",
      result.containerfilePath,
      "--context",
      `dir://${result.contextPath}`,
      "--destination",
      "iris-classifier:demo",
      "--no-push",
      "--digest-file",
    ]);
    const flags = result.argv.slice(10);
    expect(flags).toContain("--snapshot-mode");
    expect(flags.at(-1)).toBe("--reproducible");
    expect(flags).toContain("org.opencontainers.image.title=iris_classifier");
  });

  it("rejects an option kaniko does not have, naming the closest one", async () => {
    const options = { backend: "kaniko", tarpath: "/tmp/x.tar", env: env() } as BuildOptions;
    await expect(build(IRIS, options)).rejects.toThrow(/Unknown option "tarpath".*"tarPath"/);
  });

  it("types kaniko's options through BackendOptionsMap (checked by tsc)", () => {
    const ok = { backend: "kaniko", tarPath: "/out/iris.tar" } satisfies BuildOptions;
    // @ts-expect-error iidfile is a docker option, not a kaniko one
    const dockerOnly = { backend: "kaniko", iidfile: "/tmp/iid" } satisfies BuildOptions;
    // @ts-expect-error snapshotMode takes full, redo or time
    const badValue = { backend: "kaniko", snapshotMode: "fast" } satisfies BuildOptions;
    expect([ok, dockerOnly, badValue].map((options) => options.backend)).toEqual([
      "kaniko",
      "kaniko",
      "kaniko",
    ]);
  });
});
