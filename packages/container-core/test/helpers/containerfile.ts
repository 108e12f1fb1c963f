/**
 * Helpers for the Containerfile tests (not exported from the package).
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { parseBentoConfig } from "../../src/bento/load-config.js";
import { generateContainerfile } from "../../src/containerfile/generate.js";
import type { ContainerfileOptions } from "../../src/containerfile/options.js";

/** Lines that matter when comparing Containerfiles: no blank or comment lines, but `# syntax` kept. */
export function instructionLines(text: string): string[] {
  return text
    .split("\n")
    .filter((line) => line.trim() !== "")
    .filter((line) => !line.trimStart().startsWith("#") || /^#\s*syntax\s*=/.test(line.trim()));
}

/** Containerfile instruction keywords. */
export const KEYWORDS = new Set([
  "FROM",
  "RUN",
  "CMD",
  "LABEL",
  "EXPOSE",
  "ENV",
  "ADD",
  "COPY",
  "ENTRYPOINT",
  "VOLUME",
  "USER",
  "WORKDIR",
  "ARG",
  "ONBUILD",
  "STOPSIGNAL",
  "HEALTHCHECK",
  "SHELL",
]);

/** One instruction, continuation lines joined, as a Containerfile parser reads it. */
export interface Instruction {
  keyword: string;
  text: string;
}

/** Splits a Containerfile into instructions the way the parser does (comments and blanks dropped). */
export function parseInstructions(text: string): Instruction[] {
  const instructions: Instruction[] = [];
  let pending: string | undefined;
  for (const line of text.split("\n")) {
    const trimmed = line.trim();
    if (trimmed === "" || trimmed.startsWith("#")) continue;
    const joined = pending === undefined ? trimmed : `${pending} ${trimmed}`;
    if (joined.endsWith("\\")) pending = joined.slice(0, -1).trimEnd();
    else {
      instructions.push({ keyword: joined.split(/\s+/)[0]!, text: joined });
      pending = undefined;
    }
  }
  return instructions;
}

const HEAD = "name: demo\nversion: v1\nservice: service:svc\n";

/** Temporary bento directories, removed by `cleanup`. */
export class TempBentos {
  private readonly dirs: string[] = [];

  /** Writes a bento: bento.yaml from `yaml` (name/version/service prepended) and `files`. */
  async write(yaml: string, files: Record<string, string> = {}): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), "bento-cf-"));
    this.dirs.push(dir);
    const all = { "bento.yaml": HEAD + yaml, "src/service.py": "import bentoml\n", ...files };
    for (const [path, content] of Object.entries(all)) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), content);
    }
    return dir;
  }

  /** Writes a bento and renders its Containerfile. */
  async render(
    yaml: string,
    options: ContainerfileOptions = {},
    files: Record<string, string> = {},
  ) {
    const dir = await this.write(yaml, files);
    const config = parseBentoConfig(HEAD + yaml, join(dir, "bento.yaml"));
    return generateContainerfile({ dir, config }, options);
  }

  /** Removes every directory written. */
  async cleanup(): Promise<void> {
    await Promise.all(this.dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  }
}
