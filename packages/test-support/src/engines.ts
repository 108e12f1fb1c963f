/** The real engines the e2e tests drive. */
export type EngineName = "docker" | "buildx" | "buildctl" | "podman" | "buildah";

/** Every {@link EngineName}, in the order the e2e suites run them. */
export const ENGINES: readonly EngineName[] = ["docker", "buildx", "buildctl", "podman", "buildah"];

/** One command that answers only when an engine can build, and what it needs before it. */
export interface EngineProbe {
  argv: readonly string[];
  /** What the probe failing means, for the skip or failure message. */
  meaning: string;
  /** Another engine that must be usable first. */
  needs?: EngineName;
}

/** Probes per engine: each touches the daemon or the image storage, not just the binary. */
export const ENGINE_PROBES: Readonly<Record<EngineName, EngineProbe>> = {
  docker: {
    argv: ["docker", "version", "--format", "{{.Server.Version}}"],
    meaning: "no docker daemon answers",
  },
  buildx: {
    argv: ["docker", "buildx", "version"],
    meaning: "the docker buildx plugin is missing",
    needs: "docker",
  },
  buildctl: {
    argv: ["buildctl", "debug", "info"],
    meaning: "no buildkitd answers on buildctl's default socket",
    // The suites load what buildctl builds into docker.
    needs: "docker",
  },
  podman: {
    argv: ["podman", "info", "--format", "{{.Store.GraphDriverName}}"],
    meaning: "podman cannot open its storage",
  },
  buildah: {
    argv: ["buildah", "info"],
    meaning: "buildah cannot open its storage",
  },
};

/**
 * The engine whose image store holds what an engine built: buildx (and buildctl, by
 * default) loads into docker, buildah shares podman's storage.
 */
export function imageStoreOf(engine: EngineName): "docker" | "podman" {
  return engine === "podman" || engine === "buildah" ? "podman" : "docker";
}

/** Engines that build with BuildKit (secrets stay out of the cache key, `--opt attest`...). */
export function isBuildkit(engine: EngineName): boolean {
  return engine === "docker" || engine === "buildx" || engine === "buildctl";
}
