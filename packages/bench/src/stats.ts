/** Samples of one measurement and their median, in milliseconds (or bytes). */
export interface Summary {
  median: number;
  min: number;
  max: number;
  samples: number[];
}

/** The median of a non-empty list. Pure. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError("median of no values");
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Median, min and max of the samples. Pure. */
export function summarize(samples: readonly number[]): Summary {
  return {
    median: median(samples),
    min: Math.min(...samples),
    max: Math.max(...samples),
    samples: [...samples],
  };
}

/** How many times `slow` takes longer than `fast` (medians). Pure. */
export function speedup(slow: Summary, fast: Summary): number {
  return fast.median > 0 ? slow.median / fast.median : Number.POSITIVE_INFINITY;
}
