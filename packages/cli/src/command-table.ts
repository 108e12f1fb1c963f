import type { CommandModule } from "./command-context.js";
import { CONTAINERFILE_FLAGS, CONTAINERIZE_FLAGS, JSON_FLAG } from "./command-flags.js";
import type { FlagTable } from "./flags.js";

/** One `bento` command: its help and flags, and how to load it (lazily, to start fast). */
export interface CommandDef {
  usage: string;
  summary: string;
  flags: FlagTable;
  examples: readonly string[];
  load(): Promise<CommandModule>;
}

/** Every command, in help order. */
export const COMMANDS: Readonly<Record<string, CommandDef>> = {
  containerize: {
    usage: "bento containerize BENTO [flags]",
    summary: "Build an OCI image from a bento with a builder backend",
    flags: CONTAINERIZE_FLAGS,
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
    flags: CONTAINERFILE_FLAGS,
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
