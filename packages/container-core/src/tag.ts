import { InvalidTagError } from "./errors.js";

/** A bento or model tag; `version` undefined means the latest. */
export interface Tag {
  name: string;
  version?: string;
}

/** Options of {@link parseTag}. */
export interface ParseTagOptions {
  /** Called with a message when the tag had to be changed (upper case lowered). */
  onWarning?: (message: string) => void;
}

const PART = /^[a-z0-9]([-._a-z0-9]*[a-z0-9])?$/;
const MAX_PART_LENGTH = 63;

/**
 * Parses `name[:version]`. Upper case is lowered with a warning; `latest` and
 * a missing version both mean the latest version.
 */
export function parseTag(text: string, options: ParseTagOptions = {}): Tag {
  const trimmed = text.trim();
  const lowered = trimmed.toLowerCase();
  if (lowered !== trimmed) {
    options.onWarning?.(`Tag "${trimmed}" has upper-case letters; using "${lowered}".`);
  }
  const colon = lowered.indexOf(":");
  const name = colon === -1 ? lowered : lowered.slice(0, colon);
  const version = colon === -1 ? undefined : lowered.slice(colon + 1);
  if (version === "") {
    throw new InvalidTagError(`Invalid tag "${text}": the version after ":" is empty.`, {
      hint: `Use "${name}:latest" for the latest version, or "${name}:VERSION".`,
    });
  }
  checkPart(text, "name", name);
  if (version !== undefined && version !== "latest") checkPart(text, "version", version);
  return { name, version: version === "latest" ? undefined : version };
}

/** Whether `value` may be a tag's name or version (any case): store paths and image tags are made of these. */
export function isTagPart(value: string): boolean {
  return value.length <= MAX_PART_LENGTH && PART.test(value.toLowerCase());
}

/** `name:version`, or `name:latest` when the version is not pinned. */
export function formatTag(tag: Tag): string {
  return `${tag.name}:${tag.version ?? "latest"}`;
}

function checkPart(text: string, part: "name" | "version", value: string): void {
  if (value.length > MAX_PART_LENGTH) {
    throw new InvalidTagError(
      `Invalid tag "${text}": the ${part} is ${value.length} characters long; at most ${MAX_PART_LENGTH} are allowed.`,
      { hint: `Shorten the ${part}.` },
    );
  }
  if (!PART.test(value)) {
    throw new InvalidTagError(
      `Invalid tag "${text}": the ${part} "${value}" may only hold a-z, 0-9, "-", "." and "_", and must start and end with a letter or digit.`,
      { hint: 'Write the tag as "name" or "name:version", e.g. "iris_classifier:1.0.0".' },
    );
  }
}
