/** What `main` needs to know before loading a command. */
export interface CommandLine {
  /** The first positional argument, if any. */
  command?: string;
  /** Every argument but the command name, for the command's own parser. */
  rest: string[];
  help: boolean;
  version: boolean;
  debug: boolean;
  json: boolean;
}

/** Global flags that take a value, so their value is not mistaken for the command. */
const VALUE_FLAGS = new Set(["--plugin"]);

/** Finds the command and the flags `main` acts on itself. Pure. */
export function scanCommandLine(argv: readonly string[]): CommandLine {
  const end = argv.indexOf("--");
  const flags = end === -1 ? argv : argv.slice(0, end);
  let index = 0;
  while (index < flags.length && flags[index]!.startsWith("-")) {
    index += VALUE_FLAGS.has(flags[index]!) ? 2 : 1;
  }
  const command = index < flags.length ? flags[index] : undefined;
  const rest = command === undefined ? [...argv] : argv.filter((_, i) => i !== index);
  return {
    command,
    rest,
    help: flags.includes("--help") || flags.includes("-h"),
    version: command === undefined && flags.some((flag) => VERSION_FLAGS.has(flag)),
    debug: flags.includes("--debug"),
    json: flags.includes("--json"),
  };
}

const VERSION_FLAGS = new Set(["--version", "-V", "-v"]);
