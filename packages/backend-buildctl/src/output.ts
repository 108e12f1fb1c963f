/** Where buildctl puts the image when the user names no `output`, and what loads it. */
export interface AutoOutput {
  /** The `--output` value. */
  output: string;
  /** The command that loads the tarball from standard input, when one is on PATH. */
  load?: readonly string[];
}

/** The image stores a buildctl tarball can be loaded into, in the order they are picked. */
export const LOADERS = ["docker", "podman", "nerdctl"] as const;

/** An image store from {@link LOADERS}. */
export type Loader = (typeof LOADERS)[number];

/** What the user asked of the automatic output. */
export interface OutputChoice {
  /** Push the image to the registry its tags name, and load nothing. */
  push?: boolean;
  /** The image store to load into, instead of the first of {@link LOADERS} on PATH. */
  load?: Loader;
}

type Which = (binary: string) => string | undefined;

/**
 * With tags: pushed to their registry when asked; else a docker tarball named
 * after them for docker, or an OCI tarball for podman or nerdctl; the store is
 * the one asked for, or the first on PATH. `undefined` without tags. buildctl
 * stores an image nowhere by itself: the tarball goes to stdout, into the
 * store's `load` (https://github.com/moby/buildkit#docker-tarball and
 * https://github.com/moby/buildkit#oci-tarball). Tags go as given: the docker
 * exporter names the image as docker itself would, so `docker load` keeps them.
 */
export function autoOutput(
  tags: readonly string[] | undefined,
  which: Which,
  choice: OutputChoice = {},
): AutoOutput | undefined {
  if (tags === undefined || tags.length === 0) return undefined;
  if (choice.push === true) return { output: `type=image,${nameField(tags)},push=true` };
  const loader = choice.load ?? LOADERS.find((store) => which(store) !== undefined);
  const load = loader !== undefined && which(loader) !== undefined ? [loader, "load"] : undefined;
  if (loader === "docker") {
    return { output: `type=docker,${nameField(tags)}`, load };
  }
  return { output: `type=oci,${nameField(tags)}`, load };
}

/** `name=a` for one tag; several are one CSV field, quoted because it holds commas. */
function nameField(names: readonly string[]): string {
  return names.length === 1 ? `name=${names[0]}` : `"name=${names.join(",")}"`;
}
