import type { CommandRunner } from "../process/runner.js";
import type { Capability, CapabilityTable } from "./capabilities.js";
import type { OptionTable } from "./option-table.js";

/** What `diagnose` found out about a backend on this machine. */
export interface HealthReport {
  backend: string;
  healthy: boolean;
  /** Absolute path of the binary, when found. */
  binary?: string;
  /** Version of the binary (and, for daemons, the server), when known. */
  version?: string;
  /** The client CLI's own version, for backends whose `version` is another's (docker: the daemon's). */
  clientVersion?: string;
  /** The daemon or service the check talked to (`tcp://…`, a socket), for remote builders. */
  endpoint?: string;
  /** The builder instance checked, for backends that have several (buildx: `NAME (DRIVER driver)`). */
  builder?: string;
  /** Capabilities this builder lacks whatever its version says, each with why. */
  withheld?: Partial<Record<Capability, string>>;
  /** Why the backend is unhealthy: the command that was run and what it said. */
  reason?: string;
  /** How to make it healthy (install, start a daemon, set a variable). */
  hint?: string;
}

/** What a health check may use; every part is injectable for tests. */
export interface HealthContext {
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
  run: CommandRunner;
  /** Path of a binary on `PATH`, or `undefined`. */
  which(binary: string): string | undefined;
  /** Upper bound for each command a health check runs. */
  timeoutMs: number;
  /**
   * Why the check runs: `report` (the default; `bento health`) checks everything;
   * `build` is the check `build()` runs before building, which may skip slow probes
   * whose failure the build command itself reports, because `build()` runs the full
   * check after a failed build to explain it.
   */
  purpose: HealthPurpose;
}

/** Why a health check runs; see {@link HealthContext.purpose}. */
export type HealthPurpose = "report" | "build";

/** What `build()` hands to `constructBuildArgs` besides the backend options. */
export interface BuildInvocation {
  /** Build context directory; the last argument for most backends. */
  contextPath: string;
  /** Containerfile path. */
  file?: string;
  /** Image tags, each passed as `--tag` (or the backend's equivalent). */
  tag?: readonly string[];
  /** The user's working directory, for making path values absolute. */
  cwd?: string;
  /** Whether a binary is on `PATH` (buildctl picks its output from it); default: the real `PATH`. */
  which?: (binary: string) => string | undefined;
  /** Whether a path exists (path values naming one are made absolute); default: the real filesystem. */
  exists?: (path: string) => boolean;
  /** The binary's version from its health report; gates version-dependent flags (buildx attestations). */
  version?: string;
  /** The host's platform (default `process.platform`); some flags only work on Windows. */
  hostPlatform?: NodeJS.Platform;
  /** Receives warnings about the options (default `console.warn`); `build()` collects them. */
  warn?: (message: string) => void;
}

/** What a backend may look at when it picks the command for one build. */
export interface BuildCommandContext {
  /** The build's environment, the backend's defaults included. */
  env: Readonly<Record<string, string | undefined>>;
  /** The health report the build goes ahead on. */
  report: HealthReport;
  /** What `constructBuildArgs` returned. */
  args: readonly string[];
}

/** Options given to `constructBuildArgs`: the backend's own plus the invocation. */
export type BuildArgsInput<O = Record<string, unknown>> = O & BuildInvocation;

/** How the image id comes back: `build()` sets `option` to a temporary file and parses it. */
export interface ImageIdSource {
  /** Option key in the backend's table, e.g. `iidfile` or `metadataFile`. */
  option: string;
  /** Reads the id out of the file's text. */
  parse(content: string): string | undefined;
}

/**
 * Commands on the engine's local image store (argv after `binary`). With them
 * `build()` can skip a build whose inputs are unchanged and keep an
 * environment image between builds.
 */
export interface ImageStoreCommands {
  /** Prints the full id of one local image and exits 0; fails when it is absent. */
  imageId(ref: string): readonly string[];
  /**
   * Prints the full id of each of several local images, one line each in order,
   * and exits 0 when all are present: one command instead of one per image.
   */
  imageIds?(refs: readonly string[]): readonly string[];
  /** Gives the local image `id` the `tags`: one argv per command to run. */
  tag(id: string, tags: readonly string[]): readonly (readonly string[])[];
}

/**
 * How a backend builds in two steps: the bento's environment (base, packages,
 * Python, models) as its own image, reused while its inputs are unchanged, and
 * the code on top of it. For engines whose cached build re-hashes every COPY
 * source (podman, buildah).
 */
export interface EnvironmentImageSupport {
  /**
   * Options added to both builds. Podman and buildah get one commit per build
   * (`--layers=false`): the code build is small, and an environment image
   * committed once records no intermediate image ids in its history, so it is
   * the same image whatever the layer cache held (reproducible ids).
   */
  options: Readonly<Record<string, unknown>>;
  /**
   * The build flag naming an ignore file for the context (`--ignorefile`). With
   * it the code build copies all its entries in one `COPY . ./`, the
   * environment's entries ignored, instead of one COPY per directory: podman
   * and buildah spend about as long on each COPY instruction as on the copy.
   */
  ignoreFileFlag?: string;
  /**
   * Options added to the code build only. Podman and buildah get `pull: "never"`:
   * its FROM image is the local environment image, which a registry must never be
   * asked for, not even while `build()` is still checking that the store has it.
   */
  codeOptions?: Readonly<Record<string, unknown>>;
}

/** A builder backend: the TypeScript form of BentoML's `OCIBuilder`. */
export interface OCIBuilder<O = Record<string, unknown>> {
  name: string;
  /** Executable, e.g. `docker`. */
  binary: string;
  /** Arguments between the binary and the build flags, e.g. `["buildx", "build"]`. */
  buildCommand: readonly string[];
  /** Defaults merged under the user's environment (the user's values win). */
  env: Readonly<Record<string, string>>;
  /**
   * Variables whose values the backend puts into the argv (a certificate
   * directory) but which reports show as `$NAME`: see `shownArgv`.
   */
  hiddenEnv?: readonly string[];
  /** Whether the Containerfile may use BuildKit syntax (`RUN --mount`). */
  buildkitSupport: boolean;
  /** Typed options; drives validation, argv and help. */
  options: OptionTable;
  capabilities: CapabilityTable;
  imageId?: ImageIdSource;
  /** Where the backend came from (package name, or `user` for `registerBackend`). */
  source: string;
  /** One-line description for listings. */
  description?: string;
  /** Never throws; bounded in time. */
  diagnose(context?: Partial<HealthContext>): Promise<HealthReport>;
  health(context?: Partial<HealthContext>): Promise<boolean>;
  /**
   * A cheap identity of what the health check depends on (binary, daemon socket,
   * settings), found without running anything; `undefined` when it cannot tell.
   * Before a build, a healthy report with the same fingerprint from the last ten
   * minutes stands in for the check; a failed build still runs the full check.
   */
  healthFingerprint?(context?: Partial<HealthContext>): Promise<string | undefined>;
  /**
   * The argv after `binary` and `buildCommand`. Pure: `PATH` and the filesystem
   * are looked at only through the input's `which` and `exists` (which default
   * to the real ones; `build()` always passes them).
   */
  constructBuildArgs(options: BuildArgsInput<O>): string[];
  /**
   * The Containerfile this backend builds, from the one core rendered, when it
   * must differ (buildctl reads the context through a named context). Pure.
   */
  adaptContainerfile?(text: string): string;
  /**
   * The arguments between `binary` and the build flags for one build, when they
   * differ from `buildCommand` (`undefined` keeps it). Reads files and variables,
   * runs nothing. Docker uses it to call `docker buildx build` itself where
   * `docker build` would hand the build to buildx anyway.
   */
  buildCommandFor?(context: BuildCommandContext): readonly string[] | undefined;
  /**
   * A command that reads the build's standard output and loads it into a local
   * image store (buildctl's docker or OCI tarball), or `undefined`.
   */
  loadCommand?(options: BuildArgsInput<O>): readonly string[] | undefined;
  /** Options added in the layered layout unless the user sets them (buildah's `layers`). */
  layeredDefaults?: Readonly<Record<string, unknown>>;
  /** Commands on the local image store; see {@link ImageStoreCommands}. */
  imageStore?: ImageStoreCommands;
  /** Two-step builds through an environment image; see {@link EnvironmentImageSupport}. */
  environmentImage?: EnvironmentImageSupport;
}

/** What `registerBackend` needs; BentoML's `register_backend` keywords in camelCase. */
export interface BackendSpec<O = Record<string, unknown>> {
  buildkitSupport: boolean;
  constructBuildArgs(options: BuildArgsInput<O>): string[];
  /** See {@link OCIBuilder.adaptContainerfile}. */
  adaptContainerfile?(text: string): string;
  /** Either a full report or a yes/no, as in BentoML. */
  health?: (context: HealthContext) => Promise<boolean>;
  diagnose?: (context: HealthContext) => Promise<HealthReport>;
  /** See {@link OCIBuilder.healthFingerprint}. */
  healthFingerprint?(context: HealthContext): Promise<string | undefined>;
  binary?: string;
  buildCommand?: readonly string[];
  /** See {@link OCIBuilder.buildCommandFor}. */
  buildCommandFor?(context: BuildCommandContext): readonly string[] | undefined;
  env?: Readonly<Record<string, string>>;
  /** See {@link OCIBuilder.hiddenEnv}. */
  hiddenEnv?: readonly string[];
  options?: OptionTable;
  capabilities?: CapabilityTable;
  imageId?: ImageIdSource;
  loadCommand?(options: BuildArgsInput<O>): readonly string[] | undefined;
  /** Options added in the layered layout unless the user sets them. */
  layeredDefaults?: Readonly<Record<string, unknown>>;
  imageStore?: ImageStoreCommands;
  environmentImage?: EnvironmentImageSupport;
  source?: string;
  description?: string;
}
