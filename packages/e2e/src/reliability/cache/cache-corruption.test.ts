import { mkdirSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { describeRun } from "../support/clean-error.js";
import type { CliResult } from "../support/cli.js";
import { unstable } from "../support/leftovers.js";
import { sandbox } from "../support/sandbox.js";
import { writeStagedBento } from "../support/staged-bento.js";

// The cache's files damaged between builds (truncated, garbage, a folder in a file's place, a
// file in a folder's place): the next build bypasses or rewrites them, and the Containerfile the
// engine is given is exactly the one a clean cache gives.

type Damage = (path: string) => void;
const truncate: Damage = (path) => truncateSync(path, Math.floor(readFileSync(path).length / 2));
const garbage: Damage = (path) => writeFileSync(path, "\u0000{{{ not what was written ]]]");
const folder: Damage = (path) => {
  rmSync(path, { recursive: true, force: true });
  mkdirSync(join(path, "inner"), { recursive: true });
};
const fileInstead: Damage = (path) => {
  rmSync(path, { recursive: true, force: true });
  writeFileSync(path, "a file where a folder was");
};

/** Which cache files each case damages: every file in a cache folder, or the one Containerfile. */
const CASES: readonly [
  string,
  "health" | "rendered" | "containerfile" | "containerfiles",
  Damage,
][] = [
  ["truncated health memo", "health", truncate],
  ["garbage health memo", "health", garbage],
  ["a folder for the health memo", "health", folder],
  ["truncated rendered template", "rendered", truncate],
  ["garbage rendered template", "rendered", garbage],
  ["a folder for the rendered template", "rendered", folder],
  ["truncated Containerfile", "containerfile", truncate],
  ["garbage Containerfile", "containerfile", garbage],
  ["a folder for the Containerfile", "containerfile", folder],
  ["a file for the containerfiles folder", "containerfiles", fileInstead],
];

function containerfileOf(result: CliResult): string {
  if (result.exitCode !== 0) throw new Error(describeRun(result));
  return (JSON.parse(result.stdout) as { containerfile: string }).containerfile;
}

describe("a damaged cache", () => {
  it("is bypassed or rewritten, and every build gets the right Containerfile", async () => {
    const box = await sandbox("bento-cache-damage-");
    try {
      const bento = await writeStagedBento(box);
      const path = containerfileOf(await bento.build());
      const clean = readFileSync(path, "utf8");
      const targets = {
        health: () =>
          readdirSync(join(box.cache, "health")).map((n) => join(box.cache, "health", n)),
        rendered: () => {
          const dir = join(box.cache, "containerfiles", "rendered");
          return readdirSync(dir).map((name) => join(dir, name));
        },
        containerfile: () => [path],
        containerfiles: () => [join(box.cache, "containerfiles")],
      };
      for (const [name, where, damage] of CASES) {
        const paths = targets[where]();
        expect(paths.length, name).toBeGreaterThan(0);
        for (const target of paths) damage(target);
        const again = containerfileOf(await bento.build());
        expect(again, name).toBe(path);
        expect(readFileSync(again, "utf8"), name).toBe(clean);
        expect(unstable(await box.leftovers()), name).toEqual([]);
      }
    } finally {
      await box.cleanup();
    }
  });
});
