import { listBackends } from "@bento/container-core";
import { noArguments, parseCommandArgs, strings } from "../args.js";
import { COMMANDS, type CommandContext } from "../command-table.js";
import { loadBackends, pluginNames } from "../plugins.js";
import { backendsJson, backendsText } from "../render/backends.js";
import { jsonText } from "../render/json.js";
import { colorEnabled } from "../render/style.js";

/** `bento backends`: the registered backends, where they came from, their options and capabilities. */
export async function run(args: readonly string[], context: CommandContext): Promise<number> {
  const { io } = context;
  const { values, positionals } = parseCommandArgs("backends", args, COMMANDS.backends!.flags);
  noArguments("backends", positionals);
  await loadBackends(pluginNames(strings(values.plugin), io.env), io.cwd);
  const builders = listBackends();
  io.stdout.write(
    values.json === true
      ? jsonText(backendsJson(builders))
      : backendsText(builders, colorEnabled(io.stdout, io.env)),
  );
  return 0;
}
