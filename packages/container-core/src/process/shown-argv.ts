/**
 * The argv as a build reports it (the `command` event, `--json`'s `argv`): the
 * value of each named variable, where it appears, written as `$NAME`. For
 * settings a backend must pass as flags but that must not be shown (a
 * certificate directory); the shown command still runs in a shell with them set.
 */
export function shownArgv(
  argv: readonly string[],
  hidden: readonly string[] | undefined,
  env: Readonly<Record<string, string | undefined>>,
): string[] {
  const values = (hidden ?? [])
    .map((name) => [name, env[name]?.trim()] as const)
    .filter((pair): pair is readonly [string, string] => Boolean(pair[1]));
  if (values.length === 0) return [...argv];
  return argv.map((arg) =>
    values.reduce((shown, [name, value]) => shown.replaceAll(value, `$${name}`), arg),
  );
}
