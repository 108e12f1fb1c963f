import { constants } from "node:os";

/**
 * Turns the first Ctrl+C (or SIGTERM) into an abort whose reason is the signal's
 * name, so the build stops its backend, cleans up and exits 128 + the signal's
 * number (130, 143); a second signal quits at once with that code. Returns the undo.
 */
export function abortOnInterrupt(
  controller: AbortController,
  notice: (text: string) => void,
): () => void {
  let received = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    received += 1;
    if (received > 1) process.exit(128 + (constants.signals[signal] ?? 2));
    notice(
      `Interrupted (${signal}): stopping the build and cleaning up; press Ctrl+C again to quit at once.`,
    );
    controller.abort(signal);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  return () => {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  };
}
