import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
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
import { captureStdin } from "./stdin-capture.js";

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
  /** buildctl only: the tarball it printed, the docker stand-in's calls and what it read. */
  load?: { tarball: string; calls: StandInCall[]; stdin: string };
}

const digest = (char: string) => `sha256:${char.repeat(64)}`;
const VERSIONS = {
  nerdctl: "nerdctl version 1.7.6\n",
  buildctl: "buildctl github.com/moby/buildkit v0.12.5 bac3f2b673f3f9d33e79046008e7a38e856b3dc6\n",
};
const RECORDED_ENV = [...DEFAULT_RECORDED_ENV, "SOURCE_DATE_EPOCH"];

/**
 * Runs `bento containerize` with `--backend nerdctl|buildctl` and the stand-in
 * first on PATH (for buildctl a docker stand-in before it, so no real docker is
 * touched); `made` collects the stand-ins for clean-up.
 */
export async function standInBuild(
  backend: "nerdctl" | "buildctl",
  box: Sandbox,
  made: RecordingStandIn[],
): Promise<StandInBuild> {
  const tag = `bento-e2e-iris:${backend}`;
  const imageId = digest(backend === "nerdctl" ? "4" : "5");
  const tarball = `bento-e2e-tarball-${randomBytes(8).toString("hex")}`;
  const idFile: Record<string, string> =
    backend === "nerdctl"
      ? { "--iidfile": `${imageId}\n` }
      : { "--metadata-file": JSON.stringify({ "containerimage.config.digest": imageId }) };
  const builder = await recordingStandIn(backend, {
    versionOutput: VERSIONS[backend],
    stdout: backend === "buildctl" ? tarball : "",
    flagFiles: idFile,
    envKeys: RECORDED_ENV,
  });
  made.push(builder);
  const docker = backend === "buildctl" ? await recordingStandIn("docker") : undefined;
  if (docker) made.push(docker);
  const stdinFile = docker ? await captureStdin(docker) : undefined;
  const path = docker ? docker.pathEnv(builder.pathEnv()) : builder.pathEnv();

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
  const load =
    docker && stdinFile
      ? {
          tarball,
          calls: await docker.calls(),
          stdin: await readFile(stdinFile, "utf8").catch(() => ""),
        }
      : undefined;
  return { tag, run, build, imageId, load };
}
