import type { CommandDef } from "../command-table.js";
import { type FlagTable, GLOBAL_FLAGS } from "../flags.js";

/** `bento --help`. Pure. */
export function globalHelp(commands: Readonly<Record<string, CommandDef>>): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length));
  return [
    "bento: turn BentoML bentos into OCI images with docker, buildx, podman, buildah, nerdctl or buildctl",
    "",
    "Usage: bento COMMAND [flags]",
    "",
    "Commands:",
    ...Object.entries(commands).map(([name, def]) => `  ${name.padEnd(width)}  ${def.summary}`),
    "",
    "Flags:",
    ...flagLines({ ...GLOBAL_FLAGS, version: { type: "boolean", doc: "Print the version" } }),
    "",
    "Run `bento COMMAND --help` for a command's flags.",
    "Exit codes: 0 ok, 1 build failed, 2 usage or input error, 3 no healthy backend, 130 interrupted (143 by SIGTERM).",
    "",
  ].join("\n");
}

/** `bento COMMAND --help`. Pure. */
export function commandHelp(def: CommandDef): string {
  const hidden = Object.keys(def.flags).filter((flag) => def.flags[flag]!.hidden);
  const direct = hidden.filter((flag) => !flag.includes("image-tag"));
  return [
    `Usage: ${def.usage}`,
    "",
    `${def.summary}.`,
    "",
    "Flags:",
    ...flagLines(def.flags),
    ...flagLines(GLOBAL_FLAGS),
    ...(direct.length
      ? [
          "",
          "BentoML's older direct flags are accepted too, with a deprecation note, each the",
          `same as --opt NAME[=VALUE]: ${direct.map((flag) => `--${flag}`).join(", ")}.`,
        ]
      : []),
    "",
    "Examples:",
    ...def.examples.map((example) => `  ${example}`),
    "",
  ].join("\n");
}

function flagLines(flags: FlagTable): string[] {
  const shown = Object.entries(flags).filter(([, spec]) => !spec.hidden);
  const names = shown.map(([name, spec]) => {
    const short = spec.short ? `-${spec.short}, ` : "    ";
    return `${short}--${name}${spec.value ? ` ${spec.value}` : ""}`;
  });
  const width = Math.max(...names.map((name) => name.length));
  return shown.map(([, spec], i) => `  ${names[i]!.padEnd(width)}  ${spec.doc}`);
}
