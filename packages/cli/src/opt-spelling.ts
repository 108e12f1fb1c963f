import {
  isBentoError,
  kebabCase,
  OptionError,
  type OptionErrorDetail,
} from "@bento/container-core";

/**
 * `build()`'s error for an unknown backend option, said the way the user gave
 * it: `--opt no-cahe is not an option of the docker backend. Did you mean --opt
 * no-cache?`. Any other error is returned as it is.
 */
export function inOptSpelling(error: unknown): unknown {
  const detail = isBentoError(error) ? (error as { option?: OptionErrorDetail }).option : undefined;
  if (detail?.problem !== "unknown") return error;
  const whose =
    detail.backend === undefined ? "any registered backend" : `the ${detail.backend} backend`;
  const guess = detail.suggestion ? ` Did you mean --opt ${kebabCase(detail.suggestion)}?` : "";
  return new OptionError(`--opt ${kebabCase(detail.key)} is not an option of ${whose}.${guess}`, {
    hint: "Run `bento backends` to see each backend's options, or pass raw flags with --opt extra-args=FLAG.",
    option: detail,
    cause: error,
  });
}
