import { readdirSync, statSync } from "node:fs";
import { join, posix } from "node:path";
import { parseInstructions } from "./containerfile.js";

/**
 * The files a Containerfile's COPY and ADD instructions put into the image, as
 * image path -> context path, following WORKDIR (`$BENTO_PATH` expanded from its
 * ARG default). Enough of the engines' rules for our templates: directory
 * sources copy their contents, `*` globs, a trailing `/` or several sources make
 * the destination a directory. `--from` copies (other stages) are skipped.
 */
export function copiedTree(containerfile: string, context: string): Map<string, string> {
  const files = listFiles(context);
  const tree = new Map<string, string>();
  const args = new Map<string, string>();
  let workdir = "/";
  for (const { keyword, text } of parseInstructions(containerfile)) {
    const rest = text.slice(keyword.length).trim();
    if (keyword === "ARG") {
      const [name, value] = rest.split("=");
      if (name && value !== undefined) args.set(name, value);
    } else if (keyword === "WORKDIR") {
      workdir = posix.resolve(workdir, expand(rest, args));
    } else if (keyword === "COPY" || keyword === "ADD") {
      const words = operands(rest);
      if (words.flags.some((flag) => flag.startsWith("--from="))) continue;
      copy(words.paths, workdir, files, tree);
    }
  }
  return tree;
}

function expand(text: string, args: Map<string, string>): string {
  return text.replace(/\$\{?(\w+)\}?/g, (_, name: string) => args.get(name) ?? "");
}

function operands(rest: string): { flags: string[]; paths: string[] } {
  const flags: string[] = [];
  let text = rest;
  for (let match = /^(--\S+)\s+/.exec(text); match; match = /^(--\S+)\s+/.exec(text)) {
    flags.push(match[1]!);
    text = text.slice(match[0].length);
  }
  const paths = text.startsWith("[") ? (JSON.parse(text) as string[]) : text.split(/\s+/);
  return { flags, paths };
}

function copy(
  paths: readonly string[],
  workdir: string,
  files: readonly string[],
  tree: Map<string, string>,
): void {
  const sources = paths.slice(0, -1);
  const target = posix.resolve(workdir, paths.at(-1)!);
  const intoDir = paths.at(-1)!.endsWith("/") || sources.length > 1;
  for (const source of sources) {
    const clean = posix
      .normalize(source)
      .replace(/^\.\/?/, "")
      .replace(/\/$/, "");
    const pattern = globToRegExp(clean);
    const matched = files.filter((file) => pattern.test(file));
    const isFile = matched.length === 1 && matched[0] === clean;
    const under = files.filter((file) => clean === "" || file.startsWith(`${clean}/`));
    // A missing source fails the build; recorded so both layouts must agree on it.
    if (!isFile && under.length === 0 && matched.length === 0) tree.set(`missing:${source}`, "");
    else if (clean.includes("*")) {
      for (const file of matched) tree.set(posix.join(target, posix.basename(file)), file);
    } else if (isFile) {
      tree.set(intoDir ? posix.join(target, posix.basename(clean)) : target, clean);
    } else {
      for (const file of under)
        tree.set(posix.join(target, clean === "" ? file : file.slice(clean.length + 1)), file);
    }
  }
}

function globToRegExp(glob: string): RegExp {
  const escaped = glob.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]*");
  return new RegExp(`^${escaped}$`);
}

function listFiles(root: string, prefix = ""): string[] {
  return readdirSync(join(root, prefix)).flatMap((name) => {
    const rel = prefix === "" ? name : `${prefix}/${name}`;
    return statSync(join(root, rel)).isDirectory() ? listFiles(root, rel) : [rel];
  });
}
