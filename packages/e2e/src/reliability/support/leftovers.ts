/**
 * The leftovers (as listed by `Sandbox.leftovers`) that a successful build may not leave: all
 * but the stable cache folders (generated Containerfiles, staged contexts, remembered health
 * checks, the archives parent, Hugging Face commit listings, the records of built images that
 * let an unchanged build be reused, the folder of environment-image build locks and the base
 * image ids remembered for the environment image's tag) — so run-*
 * dirs, locks, half-written files and anything in TMPDIR count. Pure.
 */
export function unstable(leftovers: readonly string[]): string[] {
  return leftovers.filter((path) => {
    if (path.endsWith(".tmp") || path.endsWith(".lock")) return true;
    if (path === "cache/archives/") return false;
    if (path.startsWith("cache/containerfiles/")) return false;
    if (path.startsWith("cache/health/")) return false;
    if (path.startsWith("cache/hf-listings/")) return false;
    if (path.startsWith("cache/builds/")) return false;
    if (path === "cache/environments/") return false;
    if (path === "cache/environments/base-ids.json") return false;
    return !path.startsWith("cache/contexts/");
  });
}
