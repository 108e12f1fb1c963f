import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type RawTarEntry, rawTar } from "@bento/test-support";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ArchiveError, UnsafePathError } from "../errors.js";
import { isArchivePath, unpackArchive } from "./archive.js";

let work: string;
let parent: string;

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), "bento-archive-"));
  parent = join(work, "cache");
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

async function archive(entries: RawTarEntry[], name = "b.bento", gzip = true): Promise<string> {
  const file = join(work, name);
  await writeFile(file, rawTar(entries, gzip));
  return file;
}

const BENTO: RawTarEntry[] = [
  { path: "bento.yaml", content: "name: iris\nversion: v1\n" },
  { path: "src/", type: "dir" },
  { path: "src/service.py", content: "print('hi')\n" },
];

describe("unpackArchive", () => {
  it("unpacks a gzipped .bento and removes it on dispose", async () => {
    const unpacked = await unpackArchive(await archive(BENTO), parent);
    expect(await readFile(join(unpacked.dir, "src/service.py"), "utf8")).toBe("print('hi')\n");
    await unpacked.dispose();
    expect(await readdir(parent)).toEqual([]);
  });

  it("unpacks a plain .tar whose bento sits in one top-level folder", async () => {
    const file = await archive(
      BENTO.map((e) => ({ ...e, path: `iris/${e.path}` })),
      "b.tar",
      false,
    );
    const unpacked = await unpackArchive(file, parent);
    expect(unpacked.dir).toMatch(/iris$/);
    await unpacked.dispose();
  });

  it.each<[string, RawTarEntry]>([
    ["a '..' path", { path: "../evil", content: "x" }],
    ["a nested '..' path", { path: "src/../../evil", content: "x" }],
    ["an absolute path", { path: "/tmp/evil", content: "x" }],
    ["a symlink leading out", { path: "src/link", type: "symlink", linkpath: "../../etc/passwd" }],
    ["an absolute symlink", { path: "link", type: "symlink", linkpath: "/etc/passwd" }],
    ["a hard link leading out", { path: "hard", type: "hardlink", linkpath: "../outside" }],
    ["a device", { path: "dev", type: "char" }],
  ])("refuses %s and writes nothing", async (_, bad) => {
    const file = await archive([...BENTO, bad]);
    await expect(unpackArchive(file, parent)).rejects.toThrow(UnsafePathError);
    expect(await readdir(parent).catch(() => [])).toEqual([]);
    expect((await readdir(work)).sort()).toEqual(["b.bento"]);
  });

  it("accepts a symlink that stays inside", async () => {
    const unpacked = await unpackArchive(
      await archive([...BENTO, { path: "src/alias.py", type: "symlink", linkpath: "service.py" }]),
      parent,
    );
    expect(await readFile(join(unpacked.dir, "src/alias.py"), "utf8")).toContain("hi");
    await unpacked.dispose();
  });

  it("refuses a file that is not a tar, leaving nothing", async () => {
    const file = join(work, "junk.bento");
    await writeFile(file, "not a tar at all");
    await expect(unpackArchive(file, parent)).rejects.toThrow(ArchiveError);
    expect(await readdir(parent).catch(() => [])).toEqual([]);
  });

  it("refuses an archive without bento.yaml and cleans up", async () => {
    const file = await archive([{ path: "readme.txt", content: "x" }]);
    await expect(unpackArchive(file, parent)).rejects.toThrow(/no bento.yaml/);
    expect(await readdir(parent)).toEqual([]);
  });

  it.each([
    ["x.bento", true],
    ["x.tar.gz", true],
    ["X.TGZ", true],
    ["x.tar", true],
    ["x.zip", false],
    ["bentos/x", false],
  ])("isArchivePath(%s) is %s", (path, expected) => {
    expect(isArchivePath(path)).toBe(expected);
  });
});
