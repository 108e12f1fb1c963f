/** Milliseconds for people: `312 ms` under a second, `4.21 s` or `41.2 s` above. Pure. */
export function formatMs(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

const UNITS = ["B", "KiB", "MiB", "GiB", "TiB"];

/** Bytes in binary units: `1.00 GiB`, `3.4 KiB`, `512 B`. Pure. */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${bytes} B` : `${value.toFixed(value < 10 ? 2 : 1)} ${UNITS[unit]}`;
}

/** A speed-up factor: `14.2x`, `1.05x`, `250x`. Pure. */
export function formatRatio(ratio: number): string {
  if (!Number.isFinite(ratio)) return "∞";
  return `${ratio.toFixed(ratio < 10 ? 2 : ratio < 100 ? 1 : 0)}x`;
}
