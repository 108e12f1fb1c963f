import { gzipSync } from "node:zlib";

/** One entry of a hand-made tar: lets tests write what well-behaved tools refuse to. */
export interface RawTarEntry {
  path: string;
  type?: "file" | "dir" | "symlink" | "hardlink" | "char";
  content?: string;
  linkpath?: string;
}

const TYPE_FLAG = { file: "0", hardlink: "1", symlink: "2", char: "3", dir: "5" } as const;

/** A ustar archive of the entries, optionally gzipped. */
export function rawTar(entries: readonly RawTarEntry[], gzip = false): Buffer {
  const blocks: Buffer[] = [];
  for (const entry of entries) {
    const type = entry.type ?? "file";
    const body = Buffer.from(type === "file" ? (entry.content ?? "") : "");
    blocks.push(header(entry, type, body.length));
    if (body.length) blocks.push(body, Buffer.alloc((512 - (body.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  const tar = Buffer.concat(blocks);
  return gzip ? gzipSync(tar) : tar;
}

function header(entry: RawTarEntry, type: keyof typeof TYPE_FLAG, size: number): Buffer {
  const block = Buffer.alloc(512);
  const put = (text: string, offset: number, length: number) =>
    block.write(text, offset, length, "utf8");
  const octal = (value: number, length: number) => value.toString(8).padStart(length - 1, "0");
  put(entry.path, 0, 100);
  put(octal(type === "dir" ? 0o755 : 0o644, 8), 100, 8);
  put(octal(0, 8), 108, 8);
  put(octal(0, 8), 116, 8);
  put(octal(size, 12), 124, 12);
  put(octal(1_700_000_000, 12), 136, 12);
  put("        ", 148, 8);
  put(TYPE_FLAG[type], 156, 1);
  put(entry.linkpath ?? "", 157, 100);
  put("ustar\u000000", 257, 8);
  const sum = block.reduce((total, byte) => total + byte, 0);
  put(`${octal(sum, 7)}\u0000`, 148, 8);
  return block;
}
