import type { Layout } from "@bento/container-core";
import { lastString, oneOf, type ParsedArgs, strings } from "./args.js";
import { UsageError } from "./usage-error.js";

/** The Containerfile settings `containerize` and `containerfile` share. */
export interface ContainerfileShape {
  features?: string[];
  layout?: Layout;
  baseImage?: string;
  frontend?: string | false;
}

/** Reads `--enable-features` (commas or repeats), `--layout`, `--base-image`, `--frontend`/`--no-frontend`. */
export function containerfileShape(values: ParsedArgs["values"]): ContainerfileShape {
  const features = strings(values["enable-features"])
    .flatMap((item) => item.split(","))
    .map((feature) => feature.trim())
    .filter(Boolean);
  const frontend = lastString(values.frontend);
  if (frontend !== undefined && values["no-frontend"] === true) {
    throw new UsageError("--frontend and --no-frontend contradict each other.", {
      hint: "Pass one of them: --frontend IMAGE adds a # syntax line, --no-frontend leaves it out.",
    });
  }
  return {
    features: features.length ? features : undefined,
    layout: oneOf("layout", lastString(values.layout), ["layered", "compat"]),
    baseImage: lastString(values["base-image"]),
    frontend: values["no-frontend"] === true ? false : frontend,
  };
}

/** The BENTO argument: exactly one positional. */
export function bentoArgument(command: string, positionals: readonly string[]): string {
  if (positionals.length === 1) return positionals[0]!;
  throw new UsageError(
    positionals.length === 0
      ? `bento ${command} needs a BENTO argument.`
      : `bento ${command} takes one BENTO, not ${positionals.length}: ${positionals.join(" ")}.`,
    {
      hint: `Pass a bento tag (name[:version]), a bento directory or a .bento archive; see \`bento ${command} --help\`.`,
    },
  );
}
