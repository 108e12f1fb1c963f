import { spawn } from "node:child_process";
import { type EngineName, imageStoreOf } from "@bento/test-support";

/**
 * Which of `needles` occur anywhere in the image's exported archive (`docker save` /
 * `podman save`: config, history and the uncompressed layer tars); streamed, not buffered.
 */
export function findInImageArchive(
  engine: EngineName,
  image: string,
  needles: readonly string[],
): Promise<string[]> {
  const wanted = needles.map((needle) => ({ needle, bytes: Buffer.from(needle) }));
  const overlap = Math.max(...wanted.map(({ bytes }) => bytes.length)) - 1;
  const argv = [imageStoreOf(engine), "save", image];
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0]!, argv.slice(1), { stdio: ["ignore", "pipe", "pipe"] });
    const found = new Set<string>();
    let carry = Buffer.alloc(0);
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      const window = Buffer.concat([carry, chunk]);
      for (const { needle, bytes } of wanted) if (window.includes(bytes)) found.add(needle);
      carry = window.subarray(Math.max(0, window.length - overlap));
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve(needles.filter((needle) => found.has(needle)));
      else reject(new Error(`Command failed: ${argv.join(" ")}, exit code: ${code}\n${stderr}`));
    });
  });
}
