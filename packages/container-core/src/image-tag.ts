import { InvalidTagError } from "./errors.js";

// An image reference: [host[:port]/]path[:tag][@digest], path components lower case.
const COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
const HOST =
  "(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9-]+)*|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?";
const REFERENCE = new RegExp(
  `^(?:${HOST}/)?${COMPONENT}(?:/${COMPONENT})*(?::[\\w][\\w.-]{0,127})?(?:@sha256:[0-9a-f]{64})?$`,
);

/** Checks an image tag given with `-t`; throws {@link InvalidTagError} when an engine would reject it. */
export function validateImageTag(imageTag: string): string {
  if (imageTag.length > 255 || !REFERENCE.test(imageTag)) {
    throw new InvalidTagError(`Invalid image tag "${imageTag}".`, {
      hint: 'Image tags look like "name:tag" or "host:5000/team/name:tag", lower case, with a tag of at most 128 letters, digits, ".", "_" or "-".',
    });
  }
  return imageTag;
}
