#!/usr/bin/env node
import { AbortedError, type BuildOptions, build, EXIT, isBentoError } from "@bento/container-core";
import { type AppOptions, parseAppArgs, USAGE } from "./args.js";
import { loadBackend } from "./backends.js";
import { cancelOnSigint } from "./cancel.js";
import { eventPrinter } from "./events.js";
import { type StatusLine, statusLine } from "./progress.js";

/** Builds the bento the arguments name and prints the BuildResult; resolves with the exit code. */
async function main(argv: readonly string[]): Promise<number> {
  const options = parseAppArgs(argv, process.env);
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return EXIT.ok;
  }
  await loadBackend(options.backend, options.plugins, process.cwd());
  const line = statusLine(process.stderr);
  const cancel = cancelOnSigint(() => {
    line.done();
    process.stderr.write("cancelling: stopping the build and cleaning up (Ctrl+C again to quit)\n");
  });
  try {
    const result = await build(options.bento, buildOptions(options, cancel.signal, line));
    line.done();
    if (cancel.signal.aborted) throw new AbortedError("The build was cancelled.");
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return EXIT.ok;
  } catch (error) {
    line.done();
    if (!(error instanceof AbortedError) && !cancel.signal.aborted) throw error;
    process.stderr.write("cancelled\n");
    return EXIT.interrupted;
  } finally {
    cancel.dispose();
  }
}

function buildOptions(options: AppOptions, signal: AbortSignal, line: StatusLine): BuildOptions {
  // The backend is picked at run time, so its options cannot be typed here;
  // build() still checks every option against the backend's option table.
  return {
    backend: options.backend,
    imageTag: options.tags.length > 0 ? options.tags : undefined,
    baseImage: options.baseImage,
    layout: options.layout,
    dryRun: options.dryRun,
    signal,
    onEvent: eventPrinter(line, process.stderr),
  } as BuildOptions;
}

/** One paragraph on stderr: what went wrong and what to do; no stack trace. */
function report(error: unknown): number {
  if (!isBentoError(error)) {
    process.stderr.write(`error: ${error instanceof Error ? error.stack : String(error)}\n`);
    return EXIT.buildFailed;
  }
  process.stderr.write(`error: ${error.message}\n${error.hint ? `hint: ${error.hint}\n` : ""}`);
  return error.exitCode;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.exitCode = report(error);
  },
);
