import { basename, dirname } from "node:path";
import {
  absolutePath,
  type BuildArgsInput,
  kebabCase,
  type OptionSpec,
  type OptionTable,
  optionArgs,
  versionAtLeast,
  which as whichOnPath,
  withRewriteTimestamp,
} from "@bento/container-core";
import { CONTEXT_NAME, contextLocalName } from "./named-context.js";
import { type BuildctlOptions, buildctlFlags, buildctlFrontendOptions } from "./options.js";
import { autoOutput } from "./output.js";

type Input = BuildArgsInput<BuildctlOptions>;

/**
 * The argv after `buildctl build`: `--frontend`, `--local context=`,
 * `--local dockerfile=` and the context again under a name of its own (see
 * {@link CONTEXT_NAME}), buildctl's own flags, then every frontend option as
 * `--opt`. No context path: buildctl takes it from `--local`.
 */
export function buildctlBuildArgs(input: Input): string[] {
  const warn = input.warn ?? console.warn;
  const auto = automaticOutput(input);
  if (auto && auto.load === undefined && input.push !== true) {
    warn(
      input.load === undefined
        ? "buildctl: no docker, podman or nerdctl on PATH to load the image tarball into."
        : `buildctl: ${input.load} is not on PATH to load the image tarball into.`,
    );
  }
  const output = input.output ?? auto?.output;
  const rewritten = withRewriteTimestamp(output, input.buildArg, input.version);
  const keepTimes = rewritten !== output && pushFailsRewritten(input, output);
  if (keepTimes) warn(PUSH_REWRITE_WARNING);
  const flags = {
    ...input,
    frontend: input.frontend ?? "dockerfile.v0",
    local: localDirs(input, warn),
    output: keepTimes ? output : rewritten,
  };
  return [
    ...optionArgs(buildctlFlags, flags, { cwd: input.cwd, exists: input.exists }),
    ...frontendOpts(input, flags.frontend).flatMap((opt) => ["--opt", opt]),
    ...(input.extraArgs ?? []),
  ];
}

/** The first BuildKit that pushes rewritten layers it imported lazily from a cache. */
const PUSH_REWRITE_FIXED = "0.15";

const PUSH_REWRITE_WARNING =
  "buildctl: rewrite-timestamp left out: before BuildKit 0.15 a push of layers imported from a cache fails with it (https://github.com/moby/buildkit/issues/4793); file times in the layers are the build's, the config's are pinned.";

/**
 * Whether this build imports a cache and pushes on a daemon older than
 * {@link PUSH_REWRITE_FIXED}: `rewrite-timestamp` then makes the push fail with
 * "content digest … not found" for layers that came from the cache, so it is
 * left out (a user's own `rewrite-timestamp` stays).
 */
function pushFailsRewritten(input: Input, output: Input["output"]): boolean {
  if (input.importCache === undefined || versionAtLeast(input.version, PUSH_REWRITE_FIXED)) {
    return false;
  }
  const text = typeof output === "string" ? output : JSON.stringify(output ?? "");
  return /push(?:=|":")true/.test(text);
}

/** The command that loads the tarball an auto-configured output writes to stdout. */
export function buildctlLoadCommand(input: Input): readonly string[] | undefined {
  return automaticOutput(input)?.load;
}

/** The output buildctl gets when the user names none: see {@link autoOutput}. */
function automaticOutput(input: Input): ReturnType<typeof autoOutput> {
  if (input.output !== undefined) return undefined;
  const choice = { push: input.push, load: input.load };
  return autoOutput(input.tag, input.which ?? whichOnPath, choice);
}

/** The build context and the Containerfile's directory, then the user's other `local` dirs. */
function localDirs(input: Input, warn: (message: string) => void): Record<string, string> {
  const lookup = { cwd: input.cwd, exists: input.exists };
  const context = absolutePath(input.contextPath, lookup);
  const file = input.file === undefined ? undefined : absolutePath(input.file, lookup);
  const dirs: Record<string, string> = {
    context,
    dockerfile: file === undefined ? context : dirname(file),
    [contextLocalName(context)]: context,
  };
  for (const [name, dir] of Object.entries(entries(input.local))) {
    if (name in dirs) warn(`buildctl: local ${name} is set by the build; ${dir} is ignored.`);
    else dirs[name] = dir;
  }
  return dirs;
}

/** A pairs value as a map: `k=v` strings are split at the first `=`. */
function entries(value: BuildctlOptions["local"]): Readonly<Record<string, string>> {
  if (value === undefined) return {};
  if (typeof value === "object" && !Array.isArray(value)) return value as Record<string, string>;
  const items: readonly string[] = typeof value === "string" ? [value] : (value as string[]);
  return Object.fromEntries(
    items.map((item) => {
      const at = item.indexOf("=");
      return at < 0 ? [item, ""] : [item.slice(0, at), item.slice(at + 1)];
    }),
  );
}

/** `--opt` values: the Containerfile's name, the gateway's source, then the frontend options. */
function frontendOpts(input: Input, frontend: string): string[] {
  const opts: string[] = [];
  if (input.file !== undefined) opts.push(`filename=${basename(input.file)}`);
  if (frontend === "gateway.v0" && !hasRawOpt(input.opt, "source")) {
    opts.push("source=docker/dockerfile");
  }
  const table: OptionTable = buildctlFrontendOptions;
  const values: Readonly<Record<string, unknown>> = {
    ...input,
    buildContext: {
      [CONTEXT_NAME]: `local:${contextLocalName(absolutePath(input.contextPath, { cwd: input.cwd }))}`,
      ...entries(input.buildContext),
    },
  };
  for (const [key, spec] of Object.entries(table)) {
    const value = values[key];
    if (value !== undefined) opts.push(...optValues(spec.flag ?? kebabCase(key), spec, value));
  }
  return opts;
}

/** A string option is `key=value`; each item or entry of the others is `key:item`. */
function optValues(key: string, spec: OptionSpec, value: unknown): string[] {
  if (spec.kind === "string") return [`${key}=${String(value)}`];
  const items =
    typeof value === "object" && value !== null && !Array.isArray(value)
      ? Object.entries(value).map(([name, item]) => `${name}=${String(item)}`)
      : ([] as unknown[]).concat(value).map(String);
  return items.map((item) => `${key}:${item}`);
}

function hasRawOpt(opt: BuildctlOptions["opt"], key: string): boolean {
  return key in entries(opt);
}
