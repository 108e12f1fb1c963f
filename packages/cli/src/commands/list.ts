import { bentomlHome, listBentos } from "@bento/container-core";
import { noArguments, parseCommandArgs } from "../args.js";
import type { CommandContext } from "../command-context.js";
import { JSON_FLAG } from "../command-flags.js";
import { bentosJson, bentosText } from "../render/bentos.js";
import { jsonText } from "../render/json.js";

/** `bento list`: the bentos in the store (`BENTOML_HOME`), newest version first. */
export async function run(args: readonly string[], context: CommandContext): Promise<number> {
  const { io } = context;
  const { values, positionals } = parseCommandArgs("list", args, JSON_FLAG);
  noArguments("list", positionals);
  const home = bentomlHome(io.env);
  const listings = await listBentos({ home });
  io.stdout.write(
    values.json === true ? jsonText(bentosJson(listings)) : bentosText(listings, home),
  );
  return 0;
}
