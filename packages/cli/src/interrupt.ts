/**
 * Turns the first Ctrl+C (or SIGTERM) into an abort, so the build stops its
 * backend and cleans up; a second one quits at once. Returns the undo.
 */
export function abortOnInterrupt(
  controller: AbortController,
  notice: (text: string) => void,
): () => void {
  let received = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    received += 1;
    if (received > 1) process.exit(130);
    notice(
      `Interrupted (${signal}): stopping the build and cleaning up; press Ctrl+C again to quit at once.`,
    );
    controller.abort();
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  return () => {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  };
}
