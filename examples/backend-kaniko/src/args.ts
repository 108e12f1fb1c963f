import { resolve } from "node:path";
import { absolutePath, type BuildArgsInput, optionArgs } from "@bento/container-core";
import { type KanikoOptions, kanikoOptions } from "./options.js";

/**
 * The executor's argv: Containerfile, context, one `--destination` per tag,
 * `--no-push` unless `push` is set, the table's flags, then `extraArgs`.
 * kaniko takes the context as a flag, so nothing is positional.
 */
export function kanikoBuildArgs(input: BuildArgsInput<KanikoOptions>): string[] {
  const { contextPath, file, tag = [], cwd, extraArgs = [] } = input;
  // `push` only decides whether --no-push is written; kaniko has no --push flag.
  const { push, ...options } = input;
  return [
    ...(file === undefined ? [] : ["--dockerfile", absolutePath(file, { cwd })]),
    "--context",
    `dir://${resolve(cwd ?? process.cwd(), contextPath)}`,
    ...tag.flatMap((name) => ["--destination", name]),
    ...(push === true ? [] : ["--no-push"]),
    ...optionArgs(kanikoOptions, options, { cwd }),
    ...extraArgs,
  ];
}
