import type { BuildResult } from "@bento/container-core";

/** What `bento containerize --json` prints. */
export interface BuildResultJson {
  imageId: string | null;
  tags: string[];
  backend: string;
  argv: string[];
  /** Path of the Containerfile the build used. */
  containerfile: string;
  durationMs: number;
  reproducible: { applied: boolean; reason?: string };
  warnings: string[];
  dryRun: boolean;
  /** True when no build ran: an image built from the same inputs was tagged. */
  reused: boolean;
  /** The environment image's build, run before `argv` when its tag is not in the store; `null` for a single build. */
  environment: { tag: string; argv: string[]; containerfile: string } | null;
}

/** The JSON view of a build result. Pure. */
export function buildResultJson(result: BuildResult): BuildResultJson {
  return {
    imageId: result.imageId ?? null,
    tags: result.tags,
    backend: result.backend,
    argv: result.argv,
    containerfile: result.containerfilePath,
    durationMs: result.durationMs,
    reproducible: result.reproducible,
    warnings: result.warnings,
    dryRun: result.dryRun,
    reused: result.reused === true,
    environment: result.environment
      ? {
          tag: result.environment.tag,
          argv: result.environment.argv,
          containerfile: result.environment.containerfilePath,
        }
      : null,
  };
}

/** One JSON document for stdout, indented, newline-terminated. Pure. */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
