import { describeFailure, type EngineName, exec, imageStoreOf } from "@bento/test-support";

/** The image's `Created` time as the engine that stores it reports it (ISO 8601). */
export async function imageCreated(engine: EngineName, image: string): Promise<string> {
  const argv = [imageStoreOf(engine), "image", "inspect", image];
  const result = await exec(argv, { timeoutMs: 60_000 });
  if (result.exitCode !== 0) throw new Error(describeFailure(argv, result));
  const [first] = JSON.parse(result.stdout) as { Created?: string }[];
  if (typeof first?.Created !== "string") throw new Error(`${argv.join(" ")}: no Created field`);
  return first.Created;
}

/** Whole seconds since the epoch of an ISO 8601 time (image timestamps have no fraction). */
export function epochSeconds(iso: string): number {
  return Math.floor(Date.parse(iso) / 1000);
}
