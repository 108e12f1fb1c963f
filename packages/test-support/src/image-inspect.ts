import { describeFailure, exec } from "@bento/backend-testing";
import { type EngineName, imageStoreOf } from "./engines.js";
import { type ImageInfo, parseDockerInspect, parsePodmanInspect } from "./parse-inspect.js";

async function run(argv: readonly string[]): Promise<string> {
  const result = await exec(argv, { timeoutMs: 60_000 });
  if (result.exitCode !== 0) throw new Error(describeFailure(argv, result));
  return result.stdout;
}

/** Inspects an image in the store the engine builds into; rejects when it is not there. */
export async function imageInspect(engine: EngineName, image: string): Promise<ImageInfo> {
  if (imageStoreOf(engine) === "podman") {
    return parsePodmanInspect(await run(["podman", "image", "inspect", image]));
  }
  const [inspect, history] = await Promise.all([
    run(["docker", "image", "inspect", image]),
    run(["docker", "history", "--no-trunc", "--format", "{{json .}}", image]),
  ]);
  return parseDockerInspect(inspect, history);
}
