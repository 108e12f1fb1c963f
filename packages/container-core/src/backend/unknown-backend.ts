import { UnknownBackendError } from "../errors.js";
import { nearest } from "./nearest.js";

/** The official backends: each is published as `@bento/backend-NAME`. */
export const OFFICIAL_BACKENDS: readonly string[] = [
  "docker",
  "buildx",
  "podman",
  "buildah",
  "nerdctl",
  "buildctl",
];

/**
 * The error for a backend name nothing registered: an official backend whose
 * package is not loaded says which package to install and import; any other
 * name gets the closest registered one and the list.
 */
export function unknownBackendError(name: string, known: readonly string[]): UnknownBackendError {
  if (OFFICIAL_BACKENDS.includes(name)) {
    const pkg = `@bento/backend-${name}`;
    return new UnknownBackendError(
      `The ${name} backend is not registered: its package, ${pkg}, is not loaded.`,
      { hint: `Install ${pkg} (npm install ${pkg}) and import it: import "${pkg}";` },
    );
  }
  const guess = nearest(name, known);
  const list = known.length ? known.join(", ") : "none";
  return new UnknownBackendError(
    `Unknown backend "${name}".${guess ? ` Did you mean "${guess}"?` : ""} Registered backends: ${list}.`,
    {
      hint: known.length
        ? `Use one of ${known.join(", ")}, or install and load the package that provides "${name}" (bento --plugin PACKAGE).`
        : "Import a backend package (e.g. @bento/backend-docker) or call registerBackend first.",
    },
  );
}
