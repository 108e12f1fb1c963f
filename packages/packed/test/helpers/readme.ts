import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { REPO } from "./packed.js";

/** A fenced code block of a README. */
export interface ReadmeBlock {
  /** The README, relative to the repository. */
  readme: string;
  /** The fence's language (`ts`, `json`, ...). */
  lang: string;
  /** The fence's `title="..."`, when given. */
  title?: string;
  /** The `## ` section it is in. */
  section: string;
  code: string;
}

/** The READMEs users read: the repository's and each public package's. */
export function readmes(): string[] {
  const packages = readdirSync(join(REPO, "packages")).filter((entry) => {
    try {
      const pkg = JSON.parse(readFileSync(join(REPO, "packages", entry, "package.json"), "utf8"));
      return pkg.private !== true;
    } catch {
      return false;
    }
  });
  return ["README.md", ...packages.sort().map((entry) => `packages/${entry}/README.md`)];
}

/** Every fenced block of those READMEs, in order (pure but for reading the files). */
export function readmeBlocks(): ReadmeBlock[] {
  const blocks: ReadmeBlock[] = [];
  for (const readme of readmes()) {
    let section = "";
    let open: { lang: string; title?: string; lines: string[] } | undefined;
    for (const line of readFileSync(join(REPO, readme), "utf8").split("\n")) {
      if (open === undefined) {
        if (line.startsWith("## ")) section = line.slice(3).trim();
        const fence = /^```(\w+)(?:\s+title="([^"]+)")?\s*$/.exec(line);
        if (fence) open = { lang: fence[1]!, title: fence[2], lines: [] };
      } else if (line.startsWith("```")) {
        blocks.push({
          readme,
          lang: open.lang,
          title: open.title,
          section,
          code: `${open.lines.join("\n")}\n`,
        });
        open = undefined;
      } else open.lines.push(line);
    }
  }
  return blocks;
}
