import { type EngineName, runInImage } from "@bento/test-support";

/** `path owner group mode` of everything under the bento folder, sorted, one per line. */
export async function bentoFileTree(engine: EngineName, image: string): Promise<string[]> {
  const argv = ["sh", "-c", "find /home/bentoml/bento -printf '%P %u %g %m\\n' | sort"];
  const { stdout } = await runInImage(engine, image, argv);
  return stdout.split("\n").filter((line) => line !== "");
}
