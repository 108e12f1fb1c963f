/**
 * Runs `work` on every item, at most `limit` at once. On the first failure no
 * new item starts, the others are told to stop through `stop`, and once every
 * started item has settled (so no lock or file is still held) the first
 * failure is thrown.
 */
export async function runPool<T>(
  items: readonly T[],
  limit: number,
  work: (item: T, stop: AbortSignal) => Promise<void>,
): Promise<void> {
  const stopper = new AbortController();
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (!failure && next < items.length) {
      const item = items[next++]!;
      try {
        await work(item, stopper.signal);
      } catch (error) {
        failure ??= { error };
        stopper.abort(error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure) throw failure.error;
}
