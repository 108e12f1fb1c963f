import type { HealthReport, OCIBuilder } from "../backend/contract.js";
import type { CommonBackendOptions } from "../backend/option-table.js";
import type { BackendName, BackendOptionsMap } from "../backend/options-map.js";
import type { Layout } from "../containerfile/copy-entries.js";
import type { DownloadProgress } from "../context/hf-download/download.js";
import type { SecretFile } from "../context/secrets.js";
import type { EnvironmentStep } from "../environment/plan-environment.js";
import type { ReusePlan } from "../reuse/shortcut.js";

/** Options of `build()` that do not depend on the backend. */
export interface CommonBuildOptions {
  /** Image tags; default: the bento tag `name:version`. */
  imageTag?: string | readonly string[];
  /** BentoML extras installed into the image (spec 1), e.g. `["grpc"]`. */
  features?: readonly string[];
  layout?: Layout;
  /**
   * Layered layout on podman and buildah: build the bento's environment (base,
   * packages, Python, models) as its own image, kept while its inputs are
   * unchanged, and the code on top of it (default true). `false` builds all in one.
   */
  environmentImage?: boolean;
  /** Replaces the FROM image (mirrors, air-gapped registries, test images). */
  baseImage?: string;
  /** `# syntax=` frontend image, or `false` to omit the line. */
  frontend?: string | false;
  /** OCI labels on the image: `true` (default) adds the standard ones, a map adds more, `false` none. */
  labels?: boolean | Readonly<Record<string, string>>;
  /** Take image timestamps from the bento's creation time (default true). */
  reproducible?: boolean;
  /** Run the backend through `sudo`. */
  runAsRoot?: boolean;
  /** Resolve, stage and construct the argv, but run nothing. */
  dryRun?: boolean;
  /** Stops the backend's whole process tree and cleans up. */
  signal?: AbortSignal;
  /** Progress, log lines, warnings. */
  onEvent?: (event: BuildEvent) => void;
  /** The user's environment (default `process.env`); backend defaults fill only what it lacks. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Working directory for relative paths (default `process.cwd()`). */
  cwd?: string;
}

/**
 * `build()` options with no backend named (or `auto`): the first healthy backend
 * is used. Backend options go in `backendOptions` (or, the flat form, beside the
 * common ones).
 */
export type AutoBuildOptions = CommonBuildOptions &
  CommonBackendOptions & {
    backend?: "auto" | undefined;
    backendOptions?: CommonBackendOptions;
  };

/**
 * `build()` options for one backend: its typed options are accepted, in
 * `backendOptions` or beside the common ones, and others rejected.
 */
export type BackendBuildOptions = {
  [B in BackendName]: CommonBuildOptions & {
    backend: B;
    backendOptions?: BackendOptionsMap[B];
  } & BackendOptionsMap[B];
}[BackendName];

/** What `build()` accepts. */
export type BuildOptions = AutoBuildOptions | BackendBuildOptions;

/**
 * `build()` options for a caller that learns the backend at run time (a CLI
 * flag): common options typed, backend options apart and checked at run time.
 */
export interface RuntimeBuildOptions extends CommonBuildOptions {
  backend?: string;
  backendOptions?: Readonly<Record<string, unknown>>;
}

/** One thing that happened during a build. */
export type BuildEvent =
  | { type: "bento"; tag: string; dir: string }
  | {
      type: "health";
      report: HealthReport;
      /** True when a remembered healthy report stood in for the check (its fingerprint was unchanged). */
      recalled: boolean;
    }
  | {
      type: "context";
      dir: string;
      linked: number;
      copied: number;
      reused: number;
      durationMs: number;
    }
  | { type: "containerfile"; path: string }
  | { type: "command"; argv: readonly string[] }
  | { type: "log"; stream: "stdout" | "stderr"; line: string }
  | { type: "step"; current: number; total?: number; text: string }
  | { type: "warning"; message: string }
  | ({ type: "download" } & DownloadProgress);

/** What a build produced. */
export interface BuildResult {
  /** The image id (`sha256:...`); `undefined` for a dry run or a backend that gave none. */
  imageId?: string;
  tags: string[];
  backend: string;
  /**
   * The exact argv run (or, for a dry run, that would run), except that the
   * backend's hidden variables' values read `$NAME` (see `OCIBuilder.hiddenEnv`).
   */
  argv: string[];
  /** The Containerfile's text and where it was written. */
  containerfile: string;
  containerfilePath: string;
  contextPath: string;
  durationMs: number;
  /** The backend's combined output. */
  output: string;
  /** Whether timestamps were pinned to the bento's creation time, and if not, why. */
  reproducible: { applied: boolean; reason?: string };
  warnings: string[];
  /** Whether this was a dry run: the Containerfile was written and the argv built, but nothing ran. */
  dryRun: boolean;
  /** True when no build ran: an image of the same inputs was still in the store and was tagged. */
  reused?: boolean;
  /**
   * The environment image's build, which runs before the command above (`argv`)
   * when its tag is not in the image store yet; `undefined` for a single build.
   */
  environment?: EnvironmentBuild;
}

/** The environment image a split build makes first (podman, buildah; layered layout). */
export interface EnvironmentBuild {
  /** `bento-env-<bento name>:<key>`, the image the code build is `FROM`. */
  tag: string;
  /** Its build command as reports show it (see {@link BuildResult.argv}). */
  argv: string[];
  /** Where its Containerfile was written. */
  containerfilePath: string;
}

/**
 * A build decided but not run: what `planBuild` found and chose, as values.
 * `runPlan` carries it out; `cleanups` undo what planning made (temporary
 * files, a mounted archive) and run once the plan is run or dropped.
 */
export interface BuildPlan {
  backend: OCIBuilder;
  /** The health report the build goes ahead on. */
  report: HealthReport;
  tags: string[];
  /** The exact command to run, `sudo` included. */
  argv: string[];
  /** The command as reports and errors show it (see `OCIBuilder.hiddenEnv`). */
  shownArgv: string[];
  /** The command's whole environment: the user's over the backend's defaults. */
  env: Record<string, string>;
  /** A command reading the build's stdout into an image store (buildctl's tarball). */
  loader?: string[];
  /** The Containerfile's text and where it was written. */
  containerfile: string;
  containerfilePath: string;
  /** The staged build context; the command's working directory. */
  contextPath: string;
  /** Build-stage secrets `runPlan` writes to their private files before running. */
  secrets: SecretFile[];
  /** Where the backend writes the image id, when it can. */
  imageIdFile?: string;
  /** How the build may be skipped when an image of the same inputs is still in the store. */
  reuse?: ReusePlan;
  /** The environment image to look up, or build, before the code build. */
  environment?: EnvironmentStep;
  reproducible: { applied: boolean; reason?: string };
  warnings: string[];
  dryRun: boolean;
  /** The user's environment; a failed build's health check reads it. */
  userEnv: Readonly<Record<string, string | undefined>>;
  /** When planning began (`Date.now()`), for the result's duration. */
  startedAt: number;
  cleanups: (() => Promise<void>)[];
}

/** What `runPlan` takes besides the plan. */
export interface RunPlanOptions {
  /** Stops the backend's whole process tree; the plan is cleaned up. */
  signal?: AbortSignal;
  /** The command, log lines and steps as they happen. */
  onEvent?: (event: BuildEvent) => void;
}
