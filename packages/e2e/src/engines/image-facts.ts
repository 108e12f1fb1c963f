import { type EngineName, runInImage } from "@bento/test-support";

/** What a container of a built image reports about itself. */
export interface ImageFacts {
  user: string;
  uid: string;
  pwd: string;
  /** `which python`. */
  python: string;
  /** The container's environment. */
  env: Record<string, string>;
  /** Contents of the `/tmp/*-ran` marker files the example bentos' build steps write. */
  ran: Record<string, string>;
  /** sha256 of every file under `$BENTO_PATH`, by path relative to it. */
  digests: Record<string, string>;
}

/** One `sh -c` that prints every fact, each line tagged with what it is. */
export const PROBE_SCRIPT = [
  'echo "@user $(id -un) $(id -u)"',
  'echo "@pwd $(pwd)"',
  'echo "@python $(which python)"',
  'for f in /tmp/*-ran; do [ -f "$f" ] && echo "@ran $(basename "$f") $(cat "$f")"; done',
  "env | sed 's/^/@env /'",
  'cd "$BENTO_PATH" && find . -type f -exec sha256sum {} + | sed "s/^/@sha /"',
].join("; ");

/** Parses the probe's output (pure). */
export function parseFacts(stdout: string): ImageFacts {
  const facts: ImageFacts = {
    user: "",
    uid: "",
    pwd: "",
    python: "",
    env: {},
    ran: {},
    digests: {},
  };
  for (const line of stdout.split("\n")) {
    const [tag, ...rest] = line.split(" ");
    const value = rest.join(" ");
    if (tag === "@user") [facts.user = "", facts.uid = ""] = rest;
    else if (tag === "@pwd") facts.pwd = value;
    else if (tag === "@python") facts.python = value;
    else if (tag === "@ran") facts.ran[rest[0] ?? ""] = rest.slice(1).join(" ");
    else if (tag === "@env") {
      const at = value.indexOf("=");
      if (at > 0) facts.env[value.slice(0, at)] = value.slice(at + 1);
    } else if (tag === "@sha") {
      const [digest = "", ...path] = value.split("  ");
      facts.digests[path.join("  ").replace(/^\.\//, "")] = digest;
    }
  }
  return facts;
}

/** Runs the probe in a throw-away container of the image (through its entrypoint). */
export async function imageFacts(engine: EngineName, image: string): Promise<ImageFacts> {
  const { stdout } = await runInImage(engine, image, ["sh", "-c", PROBE_SCRIPT]);
  return parseFacts(stdout);
}
