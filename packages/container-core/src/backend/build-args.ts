import type { BuildInvocation } from "./contract.js";
import { absolutePath, optionArgs } from "./flags.js";
import type { CommonBackendOptions, OptionTable } from "./option-table.js";

/** Backend options plus the invocation, as `constructBuildArgs` receives them. */
export type BuildArgsSource = BuildInvocation & CommonBackendOptions;

/**
 * The argv of a docker-style build: `--tag` once per tag, `--file`, the table's
 * flags, `extraArgs` as given, then the context path.
 */
export function standardBuildArgs<I extends BuildArgsSource>(
  table: OptionTable,
  input: I,
): string[] {
  const { contextPath, file, tag = [], cwd, exists } = input;
  return [
    ...tag.flatMap((name) => ["--tag", name]),
    ...(file === undefined ? [] : ["--file", absolutePath(file, { cwd, exists })]),
    ...optionArgs(table, { ...(input as BuildArgsSource) }, { cwd, exists }),
    ...(input.extraArgs ?? []),
    contextPath,
  ];
}
