import { directFlagTable } from "./aliases.js";
import type { FlagTable } from "./flags.js";
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

/** One `bento` command: its help and flags, and how to load it (lazily, to start fast). */
export interface CommandDef {
  usage: string;
  summary: string;
  flags: FlagTable;
  examples: readonly string[];
  load(): Promise<CommandModule>;
}

const CONTAINERFILE_SHAPE = {
  "enable-features": {
    type: "string",
    multiple: true,
    value: "a,b",
    doc: "BentoML extras to install, e.g. grpc,tracing (spec 1 bentos)",
  },
  layout: {
    type: "string",
    value: "layered|compat",
    doc: "layered (default) copies models before code; compat is BentoML's exact file",
  },
  "base-image": { type: "string", value: "IMAGE", doc: "Replace the FROM image" },
  frontend: { type: "string", value: "IMAGE", doc: "Add a `# syntax=IMAGE` line" },
  "no-frontend": { type: "boolean", doc: "Leave out the `# syntax` line" },
} as const satisfies FlagTable;

const JSON_FLAG = {
  json: { type: "boolean", doc: "Print JSON on stdout" },
} as const satisfies FlagTable;

/** Every command, in help order. */
export const COMMANDS: Readonly<Record<string, CommandDef>> = {
  containerize: {
    usage: "bento containerize BENTO [flags]",
    summary: "Build an OCI image from a bento with a builder backend",
    flags: {
      "image-tag": {
        type: "string",
        short: "t",
        multiple: true,
        value: "NAME:TAG",
        doc: "Image tag (repeatable); default: the bento's name:version",
      },
      "docker-image-tag": { type: "string", multiple: true, hidden: true, doc: "Same as -t" },
      backend: {
        type: "string",
        value: "NAME|auto",
        doc: "Builder backend; default: BENTOML_CONTAINERIZE_BACKEND, else auto (first healthy)",
      },
      opt: {
        type: "string",
        multiple: true,
        value: "ARG[=|:]VALUE",
        doc: "Backend option, e.g. --opt build-arg=FOO=bar --opt no-cache (repeatable)",
      },
      ...CONTAINERFILE_SHAPE,
      "dry-run": { type: "boolean", doc: "Print the Containerfile path and the argv; run nothing" },
      ...JSON_FLAG,
      "run-as-root": { type: "boolean", doc: "Run the backend through sudo" },
      progress: {
        type: "string",
        value: "auto|plain|quiet",
        doc: "auto: a live status line on a terminal; plain: every log line; quiet: the result only",
      },
      "no-labels": { type: "boolean", doc: "Add no OCI labels to the image" },
      "no-reproducible": {
        type: "boolean",
        doc: "Do not pin image timestamps to the bento's creation time",
      },
      ...directFlagTable(),
    },
    examples: [
      "bento containerize iris_classifier:latest -t iris:1.0",
      "bento containerize ./my-bento --backend podman --opt build-arg=APP_ENV=prod --opt no-cache",
      "bento containerize iris_classifier --dry-run --json",
    ],
    load: () => import("./commands/containerize.js"),
  },
  containerfile: {
    usage: "bento containerfile BENTO [flags]",
    summary: "Print the Containerfile a build would use",
    flags: {
      output: {
        type: "string",
        short: "o",
        value: "PATH",
        doc: "Write it here instead (a directory gets NAME_VERSION.dockerfile)",
      },
      "no-buildkit": { type: "boolean", doc: "Plain RUN lines, no BuildKit mounts" },
      ...CONTAINERFILE_SHAPE,
    },
    examples: ["bento containerfile iris_classifier:latest", "bento containerfile ./bento -o ."],
    load: () => import("./commands/containerfile.js"),
  },
  health: {
    usage: "bento health [BACKEND...]",
    summary:
      "Check which backends can build here (exit 0 if the named, or any, backend is healthy)",
    flags: JSON_FLAG,
    examples: ["bento health", "bento health podman --json"],
    load: () => import("./commands/health.js"),
  },
  backends: {
    usage: "bento backends",
    summary: "List the registered backends, their options and capabilities",
    flags: JSON_FLAG,
    examples: ["bento backends", "bento backends --plugin bento-backend-kaniko"],
    load: () => import("./commands/backends.js"),
  },
  list: {
    usage: "bento list",
    summary: "List the bentos in the store (BENTOML_HOME)",
    flags: JSON_FLAG,
    examples: ["bento list", "BENTOML_HOME=/srv/bentoml bento list --json"],
    load: () => import("./commands/list.js"),
  },
};
