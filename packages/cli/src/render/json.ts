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
  };
}

/** One JSON document for stdout, indented, newline-terminated. Pure. */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
