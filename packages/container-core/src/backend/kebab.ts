/** `noCacheFilter` → `no-cache-filter`; `build_arg` → `build-arg`. */
export function kebabCase(key: string): string {
  return key
    .replace(/_/g, "-")
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .toLowerCase();
}

/** `no-cache-filter` or `no_cache_filter` → `noCacheFilter`. */
export function camelCase(key: string): string {
  return key.toLowerCase().replace(/[-_]+([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}
