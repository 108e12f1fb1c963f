import { TRANSIENT_NAMES } from "@bento/container-core/internal";

/**
 * Whether a leftover (a path as `Sandbox.leftovers` lists it) is something core makes only
 * for the duration of a build: anything in TMPDIR (the secret files' directory among it), a
 * run directory in the cache, an archive unpacked for one build, a lock (or its takeover
 * guard) and a half-written `.tmp` file. The names come from core's `TRANSIENT_NAMES`, so a
 * stable cache file core adds later is never taken for a leftover. Pure.
 */
export function isTransient(path: string): boolean {
  if (path.startsWith("tmp/")) return true;
  const [top, ...rest] = path.replace(/^cache\//, "").split("/");
  if (top!.startsWith(TRANSIENT_NAMES.runDir)) return true;
  if (top === "archives" && rest[0]?.startsWith(TRANSIENT_NAMES.archiveDir)) return true;
  const name = path.replace(/\/$/, "").split("/").pop()!;
  const { lock, lockGuard, temporary } = TRANSIENT_NAMES;
  return [lock, lockGuard, temporary].some((suffix) => name.endsWith(suffix));
}

/** The leftovers a finished build may not leave: the transient ones ({@link isTransient}). Pure. */
export function unstable(leftovers: readonly string[]): string[] {
  return leftovers.filter(isTransient);
}
