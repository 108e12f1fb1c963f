import {
  baseImage,
  DEFAULT_RECORDED_ENV,
  type RecordingStandIn,
  recordingStandIn,
  type StandInCall,
} from "@bento/test-support";
import { type Containerized, containerize } from "./bento-cli.js";
import { IRIS } from "./paths.js";
import type { Sandbox } from "./sandbox.js";

/** buildkitd is never started here: health only needs to know where it would be. */
export const LOOPBACK_BUILDKIT = "tcp://127.0.0.1:1234";

/** A user option passed through `--opt`, to see it arrive in the backend's own form. */
export const GREETING_OPT = "build-arg=GREETING=hello world";

/** A CLI build against a recording stand-in and what the stand-ins saw. */
export interface StandInBuild {
  tag: string;
  run: Containerized;
  /** The stand-in's `build` call. */
  build: StandInCall;
  /** What the id file the stand-in wrote holds. */
  imageId: string;
}

const RECORDED_ENV = [...DEFAULT_RECORDED_ENV, "SOURCE_DATE_EPOCH"];

/**
 * Runs `bento containerize` with `--backend nerdctl` and the stand-in first on
 * PATH; `made` collects the stand-ins for clean-up.
 */
export async function standInBuild(
  backend: "nerdctl",
  box: Sandbox,
  made: RecordingStandIn[],
): Promise<StandInBuild> {
  const tag = `bento-e2e-iris:${backend}`;
  const imageId = `sha256:${"4".repeat(64)}`;
  const builder = await recordingStandIn(backend, {
    versionOutput: "nerdctl version 1.7.6\n",
    flagFiles: { "--iidfile": `${imageId}\n` },
    envKeys: RECORDED_ENV,
  });
  made.push(builder);
  const path = builder.pathEnv();

  const bentoDir = await box.copyBento(IRIS.dir, `iris-${backend}`);
  const flags = [
    "-t",
    tag,
    "--backend",
    backend,
    "--base-image",
    baseImage(),
    "--opt",
    GREETING_OPT,
  ];
  const run = await containerize(
    bentoDir,
    flags,
    box.env({ PATH: path, BUILDKIT_HOST: LOOPBACK_BUILDKIT }),
  );
  const build = (await builder.calls()).find((call) => call.argv[0] === "build");
  if (build === undefined) throw new Error(`the ${backend} stand-in was never asked to build`);
  return { tag, run, build, imageId };
}
