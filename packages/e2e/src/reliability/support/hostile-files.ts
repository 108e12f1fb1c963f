import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * File names any Linux filesystem allows: spaces, quotes and backquotes, a newline, bytes that
 * are not UTF-8, 255 bytes (the usual limit), non-ASCII UTF-8, a leading dash.
 */
export const HOSTILE_NAMES: readonly Buffer[] = [
  Buffer.from("with space.py"),
  Buffer.from(`quo"te's \`x\`.py`),
  Buffer.from("new\nline.py"),
  Buffer.from([0x6e, 0x6f, 0x74, 0xff, 0xfe, 0x75, 0x74, 0x66, 0x2e, 0x70, 0x79]),
  Buffer.from("x".repeat(255)),
  Buffer.from("ünïcödé-名前.py"),
  Buffer.from("-leading-dash"),
];

/** `dir/part/part...` as bytes, so no name is decoded. */
export function bytePath(dir: string, ...parts: Buffer[]): Buffer {
  return Buffer.concat([Buffer.from(dir), ...parts.flatMap((part) => [Buffer.from("/"), part])]);
}

/**
 * Writes `src/odd/` into a bento: a file of each hostile name (holding its name), a folder of
 * each (holding a file of that name), and symlinks of every kind: inside the bento, to a file
 * and a folder of `outside` (which gets `secret.txt`), dangling, and with a target that is not
 * UTF-8.
 */
export function writeHostileFiles(bentoDir: string, outside: string): void {
  mkdirSync(outside, { recursive: true });
  writeFileSync(join(outside, "secret.txt"), "not for the image\n");
  const odd = Buffer.from("src/odd");
  mkdirSync(bytePath(bentoDir, odd), { recursive: true });
  for (const name of HOSTILE_NAMES) {
    writeFileSync(bytePath(bentoDir, odd, name), name);
    const folder = Buffer.concat([name.subarray(0, 200), Buffer.from(".d")]);
    mkdirSync(bytePath(bentoDir, odd, folder));
    writeFileSync(bytePath(bentoDir, odd, folder, name), "in a folder\n");
  }
  symlinkSync("../service.py", join(bentoDir, "src/odd/inside-link.py"));
  symlinkSync(join(outside, "secret.txt"), join(bentoDir, "src/odd/out-file"));
  symlinkSync(outside, join(bentoDir, "src/odd/out-dir"));
  symlinkSync("../../../../nowhere", join(bentoDir, "src/odd/dangling"));
  symlinkSync(
    Buffer.from([0x74, 0xff, 0x0a, 0x2e]),
    bytePath(bentoDir, odd, Buffer.from("odd-target")),
  );
}
