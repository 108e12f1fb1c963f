import { type BuildResult, formatArgv } from "@bento/container-core";
import { paint } from "./style.js";

/** Runtimes that run what a backend built; buildctl loads into the first one on PATH. */
const RUNTIME: Readonly<Record<string, string>> = {
  docker: "docker",
  buildx: "docker",
  podman: "podman",
  buildah: "podman",
  nerdctl: "nerdctl",
};

/** The command that runs a backend's image: docker, podman or nerdctl. Pure. */
export function runtimeFor(backend: string, onPath: (binary: string) => boolean): string {
  const known = RUNTIME[backend];
  if (known) return known;
  return ["docker", "podman", "nerdctl"].find(onPath) ?? "docker";
}

/** What a successful build prints: image id, tags and how to run it. Pure. */
export function builtText(result: BuildResult, runtime: string, color: boolean): string {
  const seconds = (result.durationMs / 1000).toFixed(1);
  const first = result.tags[0] ?? result.imageId ?? "IMAGE";
  const how = result.reused ? "Tagged the unchanged image" : "Built";
  return [
    paint(
      `${how} ${result.tags.join(", ")} with ${result.backend} in ${seconds} s`,
      "green",
      color,
    ),
    `Image id: ${result.imageId ?? "(the backend reported none)"}`,
    `Tags:     ${result.tags.join(" ")}`,
    "Run it with:",
    `  ${runtime} run --rm -p 3000:3000 ${first}`,
    "",
  ].join("\n");
}

/**
 * What a dry run prints: where the Containerfile is and the exact command, or
 * for a split build both commands in the order they would run. Pure.
 */
export function dryRunText(result: BuildResult): string {
  const head = `Dry run with ${result.backend}; nothing was built.`;
  const { environment } = result;
  if (!environment) {
    return [
      head,
      `Containerfile: ${result.containerfilePath}`,
      `Context:       ${result.contextPath}`,
      "Command:",
      `  ${formatArgv(result.argv)}`,
      "",
    ].join("\n");
  }
  return [
    head,
    `Context:       ${result.contextPath}`,
    `1. The environment image ${environment.tag}, built only when the image store lacks that tag:`,
    `   Containerfile: ${environment.containerfilePath}`,
    `   ${formatArgv(environment.argv)}`,
    "2. The image, FROM the environment image:",
    `   Containerfile: ${result.containerfilePath}`,
    `   ${formatArgv(result.argv)}`,
    "",
  ].join("\n");
}
