import { readFileSync, statSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

type Env = Readonly<Record<string, string | undefined>>;

/** The parts of the docker CLI's `config.json` that decide how it builds. */
export interface DockerCliConfig {
  currentContext?: string;
  /** Command aliases; `builder` replaces buildx as the target of `docker build`. */
  aliases?: Record<string, string>;
  /** Folders searched for CLI plugins before the standard ones. */
  cliPluginsExtraDirs?: string[];
}

/** The docker CLI's configuration folder: `DOCKER_CONFIG`, else `~/.docker`. */
export function dockerConfigDir(env: Env): string {
  return env.DOCKER_CONFIG || join(homedir(), ".docker");
}

/** The docker CLI's `config.json`, or `undefined` when it is missing or not JSON. */
export function readDockerConfig(env: Env): DockerCliConfig | undefined {
  try {
    const value: unknown = JSON.parse(
      readFileSync(join(dockerConfigDir(env), "config.json"), "utf8"),
    );
    return value && typeof value === "object" ? (value as DockerCliConfig) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The docker context the CLI uses, in its own order: `DOCKER_HOST` means
 * `default`, then `DOCKER_CONTEXT`, then the config's `currentContext`.
 */
export function dockerContextName(env: Env, config: DockerCliConfig | undefined): string {
  if (env.DOCKER_HOST) return "default";
  return env.DOCKER_CONTEXT || config?.currentContext || "default";
}

/** Every path the docker CLI looks for plugin `name` at, in its own order. */
export function dockerPluginCandidates(
  name: string,
  env: Env,
  config: DockerCliConfig | undefined,
): string[] {
  const extra = Array.isArray(config?.cliPluginsExtraDirs) ? config.cliPluginsExtraDirs : [];
  const standard = [
    dockerConfigDir(env),
    "/usr/local/lib/docker",
    "/usr/local/libexec/docker",
    "/usr/lib/docker",
    "/usr/libexec/docker",
  ].map((dir) => join(dir, "cli-plugins"));
  return [...extra.map(String), ...standard].map((dir) => join(dir, `docker-${name}`));
}

/** Where the docker CLI will find plugin `name` (the first regular file), or `undefined`. */
export function findDockerPlugin(
  name: string,
  env: Env,
  config: DockerCliConfig | undefined,
): string | undefined {
  return dockerPluginCandidates(name, env, config).find(
    (path) => statSync(path, { throwIfNoEntry: false })?.isFile() === true,
  );
}
