import { join } from "node:path";
import { type BentoYaml, writeBento } from "../support/bento-files.js";
import type { Sandbox } from "../support/sandbox.js";

/** What an API call of a case gets: the sandbox's environment and working directory. */
export interface ApiContext {
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** The engines on PATH for a case: a healthy docker stand-in, a docker whose daemon is down, or none. */
export type Engines = "docker" | "docker-down" | "none";

/**
 * One bad input: how to set it up in a sandbox, how to feed it to the CLI and/or the API,
 * and the refusal expected (exit code, error code, message).
 */
export interface BadInputCase {
  name: string;
  /** Writes the bento, archive or store entry; returns the BENTO reference to pass. */
  setup(box: Sandbox): Promise<string>;
  /** `bento` arguments, given the reference. */
  cli?: (ref: string) => string[];
  /** The same input through core's API. */
  api?: (ref: string, context: ApiContext) => Promise<unknown>;
  /** Default: a healthy docker stand-in, which must never be asked to build. */
  engines?: Engines;
  env?: Readonly<Record<string, string>>;
  exit: 2 | 3;
  /** The error's `code`, as the API throws it. */
  code: string;
  message: RegExp;
}

/** A setup writing a bento directory `work/bento` with this bento.yaml and extra files. */
export function bentoDir(yaml: BentoYaml, files: Readonly<Record<string, string>> = {}) {
  return (box: Sandbox) => writeBento(join(box.work, "bento"), yaml, files);
}
