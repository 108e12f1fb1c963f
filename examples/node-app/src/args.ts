import { parseArgs } from "node:util";
import { type Layout, OptionError } from "@bento/container-core";

/** What the command line asks for. */
export interface AppOptions {
  bento: string;
  backend: string;
  tags: string[];
  plugins: string[];
  baseImage?: string;
  layout?: Layout;
  dryRun: boolean;
  help: boolean;
}

/** The one-paragraph usage text. */
export const USAGE = `Usage: bento-node-app BENTO [options]

Builds an OCI image from BENTO (a bento directory, archive or store tag) and
prints the BuildResult as JSON. Ctrl+C cancels and cleans up (exit 130).

  --backend NAME        builder backend (default: $BENTOML_CONTAINERIZE_BACKEND or docker)
  --plugin MODULE       import a module that registers more backends (repeatable)
  -t, --tag NAME:TAG    image tag (repeatable; default: the bento tag)
  --base-image IMAGE    replace the FROM image
  --layout MODE         layered (default) or compat
  --dry-run             resolve, stage and print the argv, but build nothing
  -h, --help            show this text`;

const LAYOUTS: readonly Layout[] = ["layered", "compat"];

/** Reads the arguments after `node main.js`; bad input is an {@link OptionError}. Pure. */
export function parseAppArgs(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): AppOptions {
  const { values, positionals } = readArgs(argv);
  const layout = values.layout;
  if (layout !== undefined && !LAYOUTS.includes(layout as Layout))
    throw usageError(`--layout must be layered or compat, not "${layout}".`);
  const [bento, ...extra] = positionals;
  if (!values.help && bento === undefined) throw usageError("Name the bento to build.");
  if (extra.length > 0) throw usageError(`Unexpected arguments: ${extra.join(" ")}.`);
  return {
    bento: bento ?? "",
    backend: values.backend ?? (env.BENTOML_CONTAINERIZE_BACKEND || "docker"),
    tags: values.tag ?? [],
    plugins: values.plugin ?? [],
    baseImage: values["base-image"],
    layout: layout as Layout | undefined,
    dryRun: values["dry-run"] ?? false,
    help: values.help ?? false,
  };
}

function readArgs(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        backend: { type: "string" },
        plugin: { type: "string", multiple: true },
        tag: { type: "string", short: "t", multiple: true },
        "base-image": { type: "string" },
        layout: { type: "string" },
        "dry-run": { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (cause) {
    throw usageError((cause as Error).message, cause);
  }
}

function usageError(message: string, cause?: unknown): OptionError {
  return new OptionError(message, { hint: "Run bento-node-app --help for the options.", cause });
}
