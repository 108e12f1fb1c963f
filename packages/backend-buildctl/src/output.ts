/** Where buildctl puts the image when the user names no `output`, and what loads it. */
export interface AutoOutput {
  /** The `--output` value. */
  output: string;
  /** The command that loads the tarball from standard input, when one is on PATH. */
  load?: readonly string[];
}

type Which = (binary: string) => string | undefined;

// docker tags an unqualified name under its default domain; naming it so keeps
// `docker load` from renaming the image.
const DOCKER_DOMAIN = "docker.io";

/**
 * With tags: a docker tarball named after them when docker is on PATH, else an
 * OCI tarball, loaded by podman or nerdctl. `undefined` without tags.
 */
export function autoOutput(
  tags: readonly string[] | undefined,
  which: Which,
): AutoOutput | undefined {
  if (tags === undefined || tags.length === 0) return undefined;
  if (which("docker") !== undefined) {
    return { output: `type=docker,${nameField(tags.map(qualify))}`, load: ["docker", "load"] };
  }
  const loader = ["podman", "nerdctl"].find((runtime) => which(runtime) !== undefined);
  return { output: `type=oci,${nameField(tags)}`, load: loader ? [loader, "load"] : undefined };
}

/** `name=a` for one tag; several are one CSV field, quoted because it holds commas. */
function nameField(names: readonly string[]): string {
  return names.length === 1 ? `name=${names[0]}` : `"name=${names.join(",")}"`;
}

/** Prefixes docker's default domain unless the tag names a registry host already. */
function qualify(tag: string): string {
  const first = tag.split("/")[0] ?? "";
  const hasHost = tag.includes("/") && (/[.:]/.test(first) || first === "localhost");
  return hasHost ? tag : `${DOCKER_DOMAIN}/${tag}`;
}
