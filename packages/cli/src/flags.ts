/** One command-line flag: drives `util.parseArgs` and the help text. */
export interface FlagSpec {
  type: "boolean" | "string";
  short?: string;
  multiple?: boolean;
  /** Placeholder of the value in help, e.g. `NAME:TAG`. */
  value?: string;
  doc: string;
  /** Accepted but left out of help (BentoML's older direct flags). */
  hidden?: boolean;
}

/** A command's flags by long name (without `--`). */
export type FlagTable = Readonly<Record<string, FlagSpec>>;

/** Flags every command accepts. */
export const GLOBAL_FLAGS = {
  plugin: {
    type: "string",
    multiple: true,
    value: "PACKAGE",
    doc: "Load a third-party backend package (repeatable; also BENTO_BACKEND_PLUGINS=a,b)",
  },
  debug: { type: "boolean", doc: "Show stack traces of errors" },
  help: { type: "boolean", short: "h", doc: "Show help" },
} as const satisfies FlagTable;
