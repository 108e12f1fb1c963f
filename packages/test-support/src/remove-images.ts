import { exec } from "@bento/backend-testing";
import { type EngineName, imageStoreOf } from "./engines.js";

/** The argv that force-removes images from the engine's store (pure). */
export function removeImagesArgv(engine: EngineName, images: readonly string[]): string[] {
  return imageStoreOf(engine) === "docker"
    ? ["docker", "image", "rm", "--force", ...images]
    : ["podman", "rmi", "--force", ...images];
}

/** Removes images after a test; images already gone are fine, so it never rejects. */
export async function removeImages(engine: EngineName, ...images: string[]): Promise<void> {
  if (images.length === 0) return;
  await exec(removeImagesArgv(engine, images), { timeoutMs: 60_000 });
}
