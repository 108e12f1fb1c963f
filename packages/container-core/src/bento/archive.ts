import { mkdir, mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { isAbsolute, join, posix } from "node:path";
import type { ReadEntry } from "tar";
import { TRANSIENT_NAMES } from "../context/transient-names.js";
import { ArchiveError, UnsafePathError } from "../errors.js";

/** File names taken for BentoML export archives. */
export const ARCHIVE_SUFFIXES = [".bento", ".tar.gz", ".tgz", ".tar"] as const;

/** Whether a path names an archive by its suffix. */
export function isArchivePath(path: string): boolean {
  return ARCHIVE_SUFFIXES.some((suffix) => path.toLowerCase().endsWith(suffix));
}

/** An unpacked archive; `dispose` removes it. */
export interface UnpackedArchive {
  /** The directory holding `bento.yaml`. */
  dir: string;
  dispose(): Promise<void>;
}

const ALLOWED_TYPES = new Set([
  "File",
  "OldFile",
  "ContiguousFile",
  "Directory",
  "SymbolicLink",
  "Link",
]);

/**
 * Unpacks a bento archive into a new private directory under `parent`.
 * Entries that would land outside it (absolute paths, `..`, links leading out,
 * devices) are refused before anything is written.
 */
export async function unpackArchive(file: string, parent: string): Promise<UnpackedArchive> {
  await checkEntries(file);
  await mkdir(parent, { recursive: true, mode: 0o700 });
  const root = await mkdtemp(join(parent, TRANSIENT_NAMES.archiveDir));
  const dispose = () => rm(root, { recursive: true, force: true });
  try {
    const { extract } = await loadTar();
    await extract({ file, cwd: root, strict: true, preserveOwner: false, noChmod: false });
    return { dir: await bentoRoot(root, file), dispose };
  } catch (error) {
    await dispose();
    if (error instanceof ArchiveError) throw error;
    throw new ArchiveError(`Could not unpack ${file}: ${(error as Error).message}.`, {
      hint: "Check that the file is a complete bento export (.bento, .tar.gz or .tar).",
      cause: error,
    });
  }
}

/** tar on first use: only archive references need it, and loading it costs every command ~40 ms. */
function loadTar() {
  return import("tar");
}

/** Reads the archive's table of contents and refuses the first unsafe entry. */
async function checkEntries(file: string): Promise<void> {
  let unsafe: UnsafePathError | undefined;
  try {
    const { list } = await loadTar();
    await list({
      file,
      strict: true,
      onReadEntry: (entry: ReadEntry) => {
        unsafe ??= entryProblem(file, entry);
      },
    });
  } catch (error) {
    throw new ArchiveError(
      `Could not read ${file} as a tar archive: ${(error as Error).message}.`,
      {
        hint: "Pass a bento export (.bento, .tar.gz or .tar) made by `bentoml export`, or a bento directory.",
        cause: error,
      },
    );
  }
  if (unsafe) throw unsafe;
}

function entryProblem(file: string, entry: ReadEntry): UnsafePathError | undefined {
  const refuse = (why: string) =>
    new UnsafePathError(`Refusing to unpack ${file}: entry "${entry.path}" ${why}.`, {
      hint: "The archive is damaged or was not made by `bentoml export`; re-export the bento.",
    });
  if (!ALLOWED_TYPES.has(entry.type))
    return refuse(`is a ${entry.type}, not a file, directory or link`);
  if (escapes(entry.path)) return refuse("points outside the archive (absolute path or '..')");
  if (entry.type === "SymbolicLink") {
    const target = entry.linkpath ?? "";
    if (isAbsolute(target) || escapes(posix.join(posix.dirname(entry.path), target))) {
      return refuse(`is a link to "${target}", outside the archive`);
    }
  }
  if (entry.type === "Link" && escapes(entry.linkpath ?? "")) {
    return refuse(`is a hard link to "${entry.linkpath}", outside the archive`);
  }
  return undefined;
}

function escapes(path: string): boolean {
  if (path.startsWith("/") || /^[a-zA-Z]:[\\/]/.test(path)) return true;
  const normalized = posix.normalize(path.replace(/\\/g, "/"));
  return normalized === ".." || normalized.startsWith("../");
}

/** `bento.yaml` at the root, or inside the archive's single top-level folder. */
async function bentoRoot(root: string, file: string): Promise<string> {
  if (await isFile(join(root, "bento.yaml"))) return root;
  const entries = await readdir(root, { withFileTypes: true });
  const only =
    entries.length === 1 && entries[0]!.isDirectory() ? join(root, entries[0]!.name) : undefined;
  if (only && (await isFile(join(only, "bento.yaml")))) return only;
  throw new ArchiveError(`${file} holds no bento.yaml at its root.`, {
    hint: "Pass an archive made by `bentoml export`, or the bento directory itself.",
  });
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isFile() ?? false;
}
