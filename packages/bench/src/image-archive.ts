import { spawn } from "node:child_process";
import { once } from "node:events";
import { Parser, type ReadEntry } from "tar";
import { manifestLayerSizes } from "./layer-bytes.js";

/**
 * The uncompressed size of each layer of `image`, in layer order, read from
 * `<engine> save` as it streams (headers only; layer bodies are skipped).
 */
export async function savedLayerSizes(engine: string, image: string): Promise<number[]> {
  const argv = [engine, "save", image];
  const child = spawn(argv[0]!, argv.slice(1), { stdio: ["ignore", "pipe", "pipe"] });
  const sizes = new Map<string, number>();
  let manifest = "";
  let stderr = "";
  const parser = new Parser({
    onReadEntry: (entry: ReadEntry) => {
      sizes.set(entry.path, entry.size);
      // The parser waits until each entry's body is read: keep the manifest, drain the rest.
      if (entry.path === "manifest.json")
        entry.on("data", (chunk: Buffer) => {
          manifest += chunk.toString();
        });
      else entry.resume();
    },
  });
  const parsed = once(parser, "end");
  child.stdout.pipe(parser);
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const [code] = (await once(child, "close")) as [number | null];
  if (code !== 0)
    throw new Error(`Command failed: ${argv.join(" ")}, exit code: ${code}\n${stderr}`);
  await parsed;
  return manifestLayerSizes(manifest, sizes);
}
