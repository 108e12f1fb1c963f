import { resolve } from "node:path";
import { getContainerfile } from "@bento/container-core";
import { lastString, parseCommandArgs } from "../args.js";
import type { CommandContext } from "../command-context.js";
import { CONTAINERFILE_FLAGS } from "../command-flags.js";
import { bentoArgument, containerfileShape } from "../containerfile-flags.js";

/** `bento containerfile BENTO`: prints (or with `-o` writes) the Containerfile a build would use. */
export async function run(args: readonly string[], context: CommandContext): Promise<number> {
  const { io } = context;
  const { values, positionals } = parseCommandArgs("containerfile", args, CONTAINERFILE_FLAGS);
  const bento = bentoArgument("containerfile", positionals);
  const outputPath = lastString(values.output);
  // DOCKER_BUILDKIT=0 in the environment turns BuildKit syntax off, as it does for a build.
  const enableBuildkit = values["no-buildkit"] !== true && io.env.DOCKER_BUILDKIT !== "0";
  const text = await getContainerfile(bento, {
    ...containerfileShape(values),
    outputPath,
    enableBuildkit,
    cwd: io.cwd,
    env: io.env,
    onWarning: (message) => io.stderr.write(`Warning: ${message}\n`),
  });
  if (outputPath === undefined) io.stdout.write(text);
  else io.stderr.write(`Wrote the Containerfile to ${resolve(io.cwd, outputPath)}\n`);
  return 0;
}
