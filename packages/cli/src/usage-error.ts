import { BentoError, EXIT } from "@bento/container-core";

/** A command line the `bento` command cannot act on: unknown command or flag, missing argument. */
export class UsageError extends BentoError {
  override name = "UsageError";
  override readonly code = "E_USAGE";
  override readonly exitCode: number = EXIT.usage;
}
