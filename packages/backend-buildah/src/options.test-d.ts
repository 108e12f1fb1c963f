// Compile-time test, checked by `pnpm typecheck` (tsc): buildah's options are accepted in a
// build request naming buildah, and docker-only options or wrong types are rejected.
import type { BackendName, BackendOptionsMap, BuildOptions } from "@bento/container-core";

/** A build request discriminated by backend, as `build(ref, { backend, ... })` takes it. */
type BuildRequest = { [B in BackendName]: { backend: B } & BackendOptionsMap[B] }[BackendName];

export const accepted: BuildRequest = {
  backend: "buildah",
  pullAlways: true,
  layers: true,
  jobs: 2,
  volume: ["/src", "/dst", "ro"],
  ulimit: { nofile: [1024, 1024] },
  buildArg: { A: "1" },
  extraArgs: ["--logsplit"],
};

export const throughBuild: BuildOptions = { backend: "buildah", timestamp: 0, imageTag: "svc:1" };

// @ts-expect-error `progress` is a docker option; `buildah build` has no --progress
export const dockerOnly: BuildRequest = { backend: "buildah", progress: "plain" };

export const dockerOnlyThroughBuild: BuildOptions = {
  backend: "buildah",
  // @ts-expect-error `squashAll` is podman's
  squashAll: true,
};

// @ts-expect-error `jobs` is a number
export const wrongType: BuildRequest = { backend: "buildah", jobs: "2" };

export const apart: BuildOptions = { backend: "buildah", backendOptions: { layers: true } };

export const dockerOnlyApart: BuildOptions = {
  backend: "buildah",
  // @ts-expect-error `squashAll` is podman's, apart in backendOptions too
  backendOptions: { squashAll: true },
};
