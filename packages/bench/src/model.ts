import { randomFillSync } from "node:crypto";
import { open } from "node:fs/promises";

const CHUNK = 16 * 1024 * 1024;

/** Writes `bytes` random bytes to `path` in 16 MiB chunks (random, so no layer compresses it away). */
export async function writeRandomFile(path: string, bytes: number): Promise<void> {
  const handle = await open(path, "w", 0o644);
  try {
    const buffer = Buffer.allocUnsafe(Math.min(CHUNK, bytes));
    for (let left = bytes; left > 0; left -= buffer.length) {
      const chunk = left < buffer.length ? buffer.subarray(0, left) : buffer;
      randomFillSync(chunk);
      await handle.write(chunk);
    }
    // On disk before anything is timed: writeback of a gigabyte stalls file system calls.
    await handle.sync();
  } finally {
    await handle.close();
  }
}
