import type { CommandContext } from "./command-context.js";
import { COMMANDS } from "./command-table.js";
import { scanCommandLine } from "./global-args.js";
import { type CliIo, processIo } from "./io.js";
import { errorExitCode, errorJson, formatError } from "./render/errors.js";
import { commandHelp, globalHelp } from "./render/help.js";
import { colorEnabled } from "./render/style.js";
import { cliVersion } from "./version.js";

/**
 * Runs the `bento` command line and resolves with its exit code. Only help and
 * version are answered here; each command, core and the backends load on use.
 */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const line = scanCommandLine(argv);
  const context: CommandContext = { io, logsShown: false };
  try {
    if (line.version) {
      io.stdout.write(`${cliVersion()}\n`);
      return 0;
    }
    if (line.command === undefined) {
      (line.help ? io.stdout : io.stderr).write(globalHelp(COMMANDS));
      return line.help ? 0 : 2;
    }
    const def = Object.hasOwn(COMMANDS, line.command) ? COMMANDS[line.command] : undefined;
    if (def === undefined) throw await unknownCommand(line.command);
    if (line.help) {
      io.stdout.write(commandHelp(def));
      return 0;
    }
    return await (await def.load()).run(line.rest, context);
  } catch (error) {
    const color = colorEnabled(io.stderr, io.env);
    io.stderr.write(formatError(error, { debug: line.debug, color, showTail: !context.logsShown }));
    if (line.json) io.stdout.write(errorJson(error));
    return errorExitCode(error);
  }
}

async function unknownCommand(command: string): Promise<Error> {
  const [{ nearest }, { UsageError }] = await Promise.all([
    import("@bento/container-core/internal"),
    import("./usage-error.js"),
  ]);
  const guess = nearest(command, Object.keys(COMMANDS));
  return new UsageError(
    `Unknown command "${command}".${guess ? ` Did you mean "${guess}"?` : ""}`,
    { hint: `Commands: ${Object.keys(COMMANDS).join(", ")}. Run \`bento --help\` for more.` },
  );
}
