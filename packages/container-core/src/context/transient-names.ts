/**
 * How core names what it makes only for the duration of a build: removed when the build
 * ends, or swept by the next build when one is killed outright. Everything else in the
 * cache directory is a stable cache file kept across builds.
 */
export const TRANSIENT_NAMES = {
  /** Prefix of a build's private run directory, directly in the cache directory. */
  runDir: "run-",
  /** Prefix of a build's directory of secret files, in TMPDIR. */
  secretsDir: "bento-secrets-",
  /** Prefix of a bento archive unpacked for one build, in the cache's `archives/` folder. */
  archiveDir: "archive-",
  /** Suffix of a lock file (staged contexts, environment images, downloads). */
  lock: ".lock",
  /** Suffix of the guard file held while a stale lock is taken over. */
  lockGuard: ".takeover",
  /** Suffix of a file being written, before it is renamed into place. */
  temporary: ".tmp",
} as const;
