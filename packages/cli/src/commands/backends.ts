import { listBackends } from "@bento/container-core";
import { noArguments, parseCommandArgs, strings } from "../args.js";
import type { CommandContext } from "../command-context.js";
import { JSON_FLAG } from "../command-flags.js";
import { loadBackends, pluginNames } from "../plugins.js";
import { backendsJson, backendsText } from "../render/backends.js";
import { jsonText } from "../render/json.js";
import { colorEnabled } from "../render/style.js";

/** `bento backends`: the registered backends, where they came from, their options and capabilities. */
export async function run(args: readonly string[], context: CommandContext): Promise<number> {
  const { io } = context;
  const { values, positionals } = parseCommandArgs("backends", args, JSON_FLAG);
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
