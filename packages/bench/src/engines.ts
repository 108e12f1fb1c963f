/** The engines the build comparison runs on. */
export const BENCH_ENGINES = ["docker", "podman", "buildah"] as const;

/** One of {@link BENCH_ENGINES}. */
export type BenchEngineName = (typeof BENCH_ENGINES)[number];

/** How the bench drives one engine; the differences are data. */
export interface BenchEngine {
  name: BenchEngineName;
  /** The CLI of the image store the engine builds into (buildah shares podman's). */
  store: "docker" | "podman";
  /** BuildKit builds: the compat Containerfile keeps its `RUN --mount` lines. */
  buildkit: boolean;
  /** What BentoML puts in the build command's environment for this engine. */
  env: Readonly<Record<string, string>>;
  /** Clears the build cache before a cold build (podman keeps its cache as images, which the bench removes itself). */
  pruneArgv?: readonly string[];
}

/** The engine table. */
export const ENGINE_TABLE: Readonly<Record<BenchEngineName, BenchEngine>> = {
  docker: {
    name: "docker",
    store: "docker",
    buildkit: true,
    env: { DOCKER_BUILDKIT: "1", DOCKER_SCAN_SUGGEST: "false" },
    pruneArgv: ["docker", "builder", "prune", "--all", "--force"],
  },
  podman: {
    name: "podman",
    store: "podman",
    buildkit: false,
    env: { BUILDAH_FORMAT: "oci", DOCKER_BUILDKIT: "0" },
  },
  // BentoML's buildah backend runs a plain `buildah build`: no --layers, so no cache.
  buildah: {
    name: "buildah",
    store: "podman",
    buildkit: false,
    env: { BUILDAH_FORMAT: "oci", DOCKER_BUILDKIT: "0" },
  },
};
