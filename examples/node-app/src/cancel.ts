import { EXIT } from "@bento/container-core";

/** The abort signal Ctrl+C trips, and how to stop listening. */
export interface Cancellation {
  signal: AbortSignal;
  dispose(): void;
}

/**
 * The first Ctrl+C aborts the build (which stops the backend and cleans up
 * before `build()` rejects); a second one exits at once.
 */
export function cancelOnSigint(
  onCancel: () => void,
  exit: (code: number) => void = process.exit,
): Cancellation {
  const controller = new AbortController();
  const onSigint = () => {
    if (controller.signal.aborted) return exit(EXIT.interrupted);
    controller.abort();
    onCancel();
  };
  process.on("SIGINT", onSigint);
  return { signal: controller.signal, dispose: () => process.off("SIGINT", onSigint) };
}
