import { ContainerfileError } from "../errors.js";
import type { Distro } from "./distro.js";

const ALL = ["3.9", "3.10", "3.11", "3.12", "3.13", "3.14"] as const;

/**
 * Python versions each distro's stock image exists for. ubi8 images are named
 * `python-311` and Red Hat publishes only some minors.
 */
export const SUPPORTED_PYTHON_VERSIONS: Readonly<Record<Distro, readonly string[]>> = {
  debian: ALL,
  alpine: ALL,
  ubi8: ["3.9", "3.11", "3.12"],
  amazonlinux: ALL,
};

/** `3.11` or `3.11.7` as `3.11` (BentoML keeps major.minor); anything else is an error. */
export function normalizePythonVersion(value: string, key: string): string {
  const match = /^(\d+)\.(\d+)(?:\.\w+)?$/.exec(value.trim());
  if (!match)
    throw new ContainerfileError(`bento.yaml: ${key} "${value}" is not a Python version`, {
      hint: `Write it as major.minor, e.g. "3.11" (quoted, so YAML keeps it a string).`,
    });
  return `${match[1]}.${match[2]}`;
}

/** Refuses a Python version the distro's base image is not published for. */
export function assertPythonSupported(version: string, distro: Distro, key: string): void {
  const supported = SUPPORTED_PYTHON_VERSIONS[distro];
  if (!supported.includes(version))
    throw new ContainerfileError(
      `bento.yaml: ${key} ${version} is not supported on ${distro}: no base image exists for it`,
      {
        hint: `Use one of ${supported.join(", ")}, or set docker.base_image to an image of your own.`,
      },
    );
}
