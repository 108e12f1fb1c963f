import { build, listBackends, which } from "@bento/container-core";
import { lastString, oneOf, parseCommandArgs, strings } from "../args.js";
import { backendOptions } from "../backend-options.js";
import type { CommandContext } from "../command-context.js";
import { CONTAINERIZE_FLAGS } from "../command-flags.js";
import { bentoArgument, containerfileShape } from "../containerfile-flags.js";
import { abortOnInterrupt } from "../interrupt.js";
import { directFlagEntries, parseOpt } from "../opt-grammar.js";
import { inOptSpelling } from "../opt-spelling.js";
import { loadBackends, pluginNames } from "../plugins.js";
import { buildResultJson, jsonText } from "../render/json.js";
import { createProgress, progressMode } from "../render/progress.js";
import { builtText, dryRunText, runtimeFor } from "../render/result.js";
import { colorEnabled, paint } from "../render/style.js";

/** `bento containerize BENTO`: builds the image and prints what it made. */
export async function run(args: readonly string[], context: CommandContext): Promise<number> {
  const { io } = context;
  const { values, positionals } = parseCommandArgs("containerize", args, CONTAINERIZE_FLAGS);
  const bento = bentoArgument("containerize", positionals);
  const shape = containerfileShape(values);
  const flag = oneOf("progress", lastString(values.progress), ["auto", "tty", "plain", "quiet"]);
  const mode = progressMode(flag ?? "auto", io.stderr.isTTY === true);
  const color = colorEnabled(io.stderr, io.env);
  const direct = directFlagEntries(values);

  const backend = lastString(values.backend) ?? io.env.BENTOML_CONTAINERIZE_BACKEND ?? "auto";
  // A named official backend is the only one loaded: the others would only cost start-up time.
  await loadBackends(pluginNames(strings(values.plugin), io.env), io.cwd, backend);
  if (mode !== "quiet") {
    for (const note of direct.notes)
      io.stderr.write(`${paint("warning:", "yellow", color)} ${note}\n`);
  }
  const entries = [...direct.entries, ...strings(values.opt).map(parseOpt)];
  const options = backendOptions(backend, entries, listBackends());
  const imageTag = [...strings(values["image-tag"]), ...strings(values["docker-image-tag"])];

  const progress = createProgress(mode, io.stderr, { color });
  context.logsShown = mode === "plain";
  const controller = new AbortController();
  const release = abortOnInterrupt(controller, (text) => {
    progress.stop();
    io.stderr.write(`${text}\n`);
  });
  try {
    const result = await build(bento, {
      ...shape,
      backend,
      imageTag: imageTag.length ? imageTag : undefined,
      labels: values["no-labels"] !== true,
      reproducible: values["no-reproducible"] !== true,
      environmentImage: values["no-environment-image"] !== true,
      runAsRoot: values["run-as-root"] === true,
      dryRun: values["dry-run"] === true,
      signal: controller.signal,
      onEvent: progress.onEvent,
      env: io.env,
      cwd: io.cwd,
      backendOptions: options,
    }).catch((error: unknown) => Promise.reject(inOptSpelling(error)));
    progress.stop();
    if (values.json === true) io.stdout.write(jsonText(buildResultJson(result)));
    else if (result.dryRun) io.stdout.write(dryRunText(result));
    else {
      const runtime = runtimeFor(result.backend, (binary) => which(binary, io.env) !== undefined);
      io.stdout.write(builtText(result, runtime, colorEnabled(io.stdout, io.env)));
    }
    return 0;
  } finally {
    progress.stop();
    release();
  }
}
