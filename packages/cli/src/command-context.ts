import type { CliIo } from "./io.js";

/** What a command module exports. */
export interface CommandModule {
  run(args: readonly string[], context: CommandContext): Promise<number>;
}

/** What `main` hands to a command. */
export interface CommandContext {
  io: CliIo;
  /** Set by a command that streamed the backend's log, so an error does not repeat its tail. */
  logsShown: boolean;
}
