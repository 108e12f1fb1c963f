/** Output and platform values as buildx reads them: a map, a `k=v,...` string, or a list of those. */
type CsvValue = string | readonly string[] | Readonly<Record<string, string>> | undefined;

/**
 * Whether an `output` exports to a local directory: `type=local`, or buildx's
 * shorthand of a bare path (`-o out`); `-` is a tarball on stdout.
 */
export function isLocalOutput(output: CsvValue): boolean {
  if (output === undefined) return false;
  if (typeof output === "object" && !Array.isArray(output)) {
    return (output as Readonly<Record<string, string>>).type === "local";
  }
  const items = typeof output === "string" ? [output] : (output as readonly string[]);
  return items.some((item) => {
    const type = item
      .split(",")
      .find((field) => field.startsWith("type="))
      ?.slice("type=".length);
    return type === undefined ? !item.includes("=") && item !== "-" : type === "local";
  });
}

/** How many platforms a `platform` value names (`linux/amd64,linux/arm64` counts two). */
export function platformCount(platform: string | readonly string[] | undefined): number {
  if (platform === undefined) return 0;
  const items = typeof platform === "string" ? [platform] : platform;
  return items.flatMap((item) => item.split(",")).filter((item) => item.trim() !== "").length;
}
