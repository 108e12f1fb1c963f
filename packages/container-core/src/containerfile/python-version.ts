import { ContainerfileError } from "../errors.js";
import type { Distro } from "./distro.js";

const ALL = ["3.9", "3.10", "3.11", "3.12", "3.13", "3.14"] as const;

/**
 * The Python versions BentoML lists per distro (its frontend tables). They are
 * documentation, not a gate: BentoML checks only the version's format, so a
 * bento asking for 3.7 on debian renders `python:3.7-slim` as it does there.
 * Amazon Linux 2 gets its Python from amazon-linux-extras, which publishes 3.8.
 */
export const SUPPORTED_PYTHON_VERSIONS: Readonly<Record<Distro, readonly string[]>> = {
  debian: ALL,
  alpine: ALL,
  ubi8: ALL,
  amazonlinux: ["3.8"],
};

/** BentoML's format: one major digit, a minor of up to two digits, an optional patch. */
const PYTHON_VERSION = /^(\d)\.(\d{0,2})(?:\.\w+)?$/;

/** `3.11` or `3.11.7` as `3.11` (BentoML keeps major.minor); anything else is an error. */
export function normalizePythonVersion(value: string, key: string): string {
  const match = PYTHON_VERSION.exec(value.trim());
  if (!match)
    throw new ContainerfileError(`bento.yaml: ${key} "${value}" is not a Python version`, {
      hint: `Write it as major.minor, e.g. "3.11" (quoted, so YAML keeps it a string).`,
    });
  return `${match[1]}.${match[2]}`;
}
