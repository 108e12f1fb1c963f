/**
 * Variables of this machine that slow every Node start and that the bench's
 * builds have no use for: with `NODE_EXTRA_CA_CERTS` set, Node 20 with OpenSSL
 * 3 loads the file at start-up, about 55 ms here whatever the script does
 * (https://github.com/nodejs/node/issues/40524). The bench runs `bento`
 * without them and times their cost beside: the CLI overhead's Node row and
 * the floor rows' "with the machine's variables" column.
 */
export const STARTUP_ONLY = ["NODE_EXTRA_CA_CERTS"] as const;

/** `env` without {@link STARTUP_ONLY}. Pure. */
export function withoutStartupOnly(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const rest = { ...env };
  for (const name of STARTUP_ONLY) delete rest[name];
  return rest;
}

/** The {@link STARTUP_ONLY} variables `env` sets; empty when none. Pure. */
export function startupOnly(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(
    STARTUP_ONLY.filter((name) => env[name]).map((name) => [name, env[name]]),
  );
}
