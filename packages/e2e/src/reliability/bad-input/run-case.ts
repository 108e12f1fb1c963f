import { isBentoError } from "@bento/container-core";
import { type CliResult, runCli } from "../support/cli.js";
import type { Sandbox } from "../support/sandbox.js";
import { type StandIn, writeStandIn } from "../support/stand-in.js";
import { withTmpdir } from "../support/with-tmpdir.js";
import type { BadInputCase, Engines } from "./case.js";

/** Puts the case's stand-in engine into the sandbox's bin directory. */
export async function placeEngines(box: Sandbox, engines: Engines): Promise<StandIn | undefined> {
  if (engines === "none") return undefined;
  return writeStandIn(box.bin, engines === "docker" ? { serverVersion: "20.10.24" } : {});
}

/** Runs the case's CLI argv in the sandbox. */
export function runCase(box: Sandbox, c: BadInputCase, ref: string): Promise<CliResult> {
  return runCli(c.cli!(ref), { env: box.env(c.env), cwd: box.work });
}

/** What the case's API call threw, with TMPDIR pointing into the sandbox meanwhile. */
export function apiError(box: Sandbox, c: BadInputCase, ref: string): Promise<unknown> {
  return withTmpdir(box.tmp, () =>
    c.api!(ref, { env: box.env(c.env), cwd: box.work }).then(
      () => undefined,
      (error: unknown) => error,
    ),
  );
}

/** Why an API error does not match the case; `undefined` when it does. */
export function apiMismatch(c: BadInputCase, error: unknown): string | undefined {
  if (error === undefined) return "the call succeeded";
  if (!isBentoError(error)) return `threw a non-bento error: ${String(error)}`;
  const got = `${error.code} (exit ${error.exitCode}): ${error.message}`;
  if (error.code !== c.code || error.exitCode !== c.exit) return `expected ${c.code}, got ${got}`;
  if (!error.hint?.trim()) return `no hint: ${got}`;
  if (!c.message.test(`${error.message}\n${error.hint}`))
    return `message and hint do not match ${c.message}: ${got} / ${error.hint}`;
  return undefined;
}
