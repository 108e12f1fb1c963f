import type { OCIBuilder } from "../backend/contract.js";
import { CapabilityError } from "../errors.js";

/** The backend's `secret` option with the build-stage secrets added to the user's. */
export function withSecrets(
  builder: OCIBuilder,
  options: Record<string, unknown>,
  specs: string[],
): Record<string, unknown> {
  if (specs.length === 0) return {};
  if (!("secret" in builder.options)) {
    throw new CapabilityError(
      `The ${builder.name} backend cannot pass build secrets, which this bento's build-stage envs need.`,
      {
        hint: "Use a backend with secret mounts (docker, buildx, podman, buildah, nerdctl or buildctl).",
      },
    );
  }
  const own = options.secret;
  const mine = own === undefined ? [] : Array.isArray(own) ? own : [own];
  return { secret: [...mine, ...specs] };
}

/** The backend's `label` option: bento labels under the user's own. */
export function withLabels(
  builder: OCIBuilder,
  options: Record<string, unknown>,
  labels: Record<string, string>,
  onWarning: (message: string) => void,
): Record<string, unknown> {
  if (Object.keys(labels).length === 0) return {};
  if (!("label" in builder.options)) {
    onWarning(`The ${builder.name} backend has no label option; the image gets no bento labels.`);
    return {};
  }
  const own = options.label;
  if (own === undefined) return { label: labels };
  if (typeof own === "object" && !Array.isArray(own)) return { label: { ...labels, ...own } };
  const ownList = Array.isArray(own) ? own.map(String) : [String(own)];
  return { label: [...Object.entries(labels).map(([k, v]) => `${k}=${v}`), ...ownList] };
}
