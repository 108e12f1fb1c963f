import type { DownloadProgress } from "@bento/container-core";

/** `1.5 MiB`, `300 KiB`, `12 B`. Pure. */
export function formatBytes(bytes: number): string {
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** The event line of a model download's start and end; progress ticks have none. Pure. */
export function downloadLine(event: DownloadProgress): string | undefined {
  const model = `${event.modelId}@${event.commit.slice(0, 7)}`;
  const size = `${event.totalFiles} file${event.totalFiles === 1 ? "" : "s"}, ${formatBytes(event.totalBytes)}`;
  if (event.phase === "start") return `download: ${model} (${size})`;
  if (event.phase === "done") return `download: ${model} done (${size})`;
  return undefined;
}

/** The live line's phase while a model downloads: files and bytes so far. Pure. */
export function downloadPhase(event: DownloadProgress): string {
  return `downloading ${event.modelId} ${event.files}/${event.totalFiles} files, ${formatBytes(event.bytes)}/${formatBytes(event.totalBytes)}`;
}
