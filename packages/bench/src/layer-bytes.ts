/** Layers an image has that an earlier one lacked, and their bytes. */
export interface NewLayers {
  count: number;
  bytes: number;
}

/**
 * The layers of `after` (diff ids, with their sizes in the same order) that
 * `before` does not have: what a registry push of `after` would send. Pure.
 */
export function newLayers(
  before: readonly string[],
  after: readonly string[],
  sizes: readonly number[],
): NewLayers {
  if (after.length !== sizes.length)
    throw new Error(`${after.length} layers but ${sizes.length} layer sizes`);
  const known = new Set(before);
  const fresh = new Set<string>();
  let bytes = 0;
  after.forEach((layer, i) => {
    if (known.has(layer) || fresh.has(layer)) return;
    fresh.add(layer);
    bytes += sizes[i]!;
  });
  return { count: fresh.size, bytes };
}

/** The layer tar sizes in the order of an image archive's `manifest.json`. Pure. */
export function manifestLayerSizes(
  manifestText: string,
  entrySizes: ReadonlyMap<string, number>,
): number[] {
  const manifest = JSON.parse(manifestText) as { Layers?: string[] }[];
  const layers = manifest[0]?.Layers;
  if (!layers) throw new Error("the image archive's manifest.json lists no layers");
  return layers.map((path) => {
    const size = entrySizes.get(path);
    if (size === undefined) throw new Error(`the image archive has no entry ${path}`);
    return size;
  });
}
