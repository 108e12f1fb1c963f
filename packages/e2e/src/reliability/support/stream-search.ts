import { spawn } from "node:child_process";

/**
 * Runs `argv` (no shell) and tells, for each needle, whether its stdout holds it, reading
 * it as a stream so a multi-hundred-megabyte `docker save` is never held in memory.
 */
export function stdoutContains(
  argv: readonly string[],
  needles: readonly string[],
): Promise<boolean[]> {
  const targets = needles.map((needle) => Buffer.from(needle));
  const keep = Math.max(...targets.map((target) => target.length)) - 1;
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0]!, argv.slice(1), { stdio: ["ignore", "pipe", "pipe"] });
    const found = targets.map(() => false);
    let carry = Buffer.alloc(0);
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      const window = Buffer.concat([carry, chunk]);
      targets.forEach((target, i) => {
        found[i] ||= window.includes(target);
      });
      carry = window.subarray(Math.max(0, window.length - keep));
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve(found);
      else reject(new Error(`${argv.join(" ")} exited ${code}: ${stderr.trim()}`));
    });
  });
}
