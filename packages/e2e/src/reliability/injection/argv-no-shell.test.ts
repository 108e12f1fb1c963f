import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { listTree } from "@bento/test-support";
import { describe, expect, it } from "vitest";
import { spec2, writeBento } from "../support/bento-files.js";
import { describeRun } from "../support/clean-error.js";
import { runCli } from "../support/cli.js";
import { type Sandbox, sandbox } from "../support/sandbox.js";
import { writeStandIn } from "../support/stand-in.js";

// Values with shell syntax in option values, labels and the bento's own path reach the
// backend as single argv elements, byte for byte: no shell ever sees them.

/** The one bento.yaml label that becomes an image label (through argv). */
const SOURCE = "org.opencontainers.image.source";
const mark = (box: Sandbox) => join(box.root, "pwned");
/** Option values, each of which would create the mark file if a shell saw it. */
const hostile = (m: string) => ({
  buildArg: `X=$(touch ${m})`,
  label: `note=x; touch ${m}`,
  target: `t && touch ${m}`,
  network: `\`touch ${m}\``,
  labelValue: `'$(touch ${m})'"`,
});

async function hostileBento(box: Sandbox) {
  const m = hostile(mark(box));
  const dir = join(box.work, "b'$(touch pwned) ; x");
  await mkdir(dir);
  await writeBento(dir, spec2({}, { labels: { [SOURCE]: m.labelValue } }));
  const flags = [
    ...["--opt", `build-arg=${m.buildArg}`, "--opt", `label=${m.label}`],
    ...["--opt", `target=${m.target}`, "--opt", `network=${m.network}`],
  ];
  return { dir, flags, m };
}

/** Expects each `[flag, value]` pair as two adjacent argv elements. */
function expectPairs(argv: readonly string[], pairs: readonly [string, string][]) {
  for (const [flag, value] of pairs) {
    const at = argv.findIndex((arg, i) => arg === flag && argv[i + 1] === value);
    expect(at, `${flag} ${value} in ${JSON.stringify(argv)}`).toBeGreaterThan(-1);
  }
}

/** No file named `pwned` anywhere in the sandbox (the bento's own folder name only holds the word). */
async function expectNoMark(box: Sandbox) {
  const named = (await listTree(box.root)).filter((path) => /(?:^|\/)pwned\/?$/.test(path));
  expect(named).toEqual([]);
}

describe("argv never passes through a shell", () => {
  it("a stand-in docker build receives every hostile value as one argument", async () => {
    const box = await sandbox("bento-argv-");
    try {
      const docker = await writeStandIn(box.bin);
      const { dir, flags, m } = await hostileBento(box);
      const result = await runCli(["containerize", dir, "--backend", "docker", ...flags], {
        env: box.env(),
        cwd: box.work,
      });
      expect(result.exitCode, describeRun(result)).toBe(0);
      const [build] = await docker.builds();
      expect(build?.argv.at(-1)).toBe(dir);
      expectPairs(build!.argv, [
        ["--build-arg", m.buildArg],
        ["--label", m.label],
        ["--target", m.target],
        ["--network", m.network],
      ]);
      expect(build!.argv).toContain(`${SOURCE}=${m.labelValue}`);
      await expectNoMark(box);
    } finally {
      await box.cleanup();
    }
  });

  it("a dry run reports the same single arguments in --json and runs nothing", async () => {
    const box = await sandbox("bento-argv-");
    try {
      const docker = await writeStandIn(box.bin);
      const { dir, flags, m } = await hostileBento(box);
      const result = await runCli(["containerize", dir, "--dry-run", "--json", ...flags], {
        env: box.env(),
        cwd: box.work,
      });
      expect(result.exitCode, describeRun(result)).toBe(0);
      const { argv } = JSON.parse(result.stdout) as { argv: string[] };
      expect(argv.at(-1)).toBe(dir);
      expectPairs(argv, [
        ["--build-arg", m.buildArg],
        ["--label", m.label],
        ["--target", m.target],
        ["--network", m.network],
      ]);
      expect(await docker.builds()).toEqual([]);
      await expectNoMark(box);
    } finally {
      await box.cleanup();
    }
  });

  it.each([`relia:$(touch MARK)`, "relia:1; touch MARK", "relia:1 && touch MARK"])(
    "the image tag %j is refused (exit 2) and runs nothing",
    async (tag) => {
      const box = await sandbox("bento-argv-");
      try {
        const docker = await writeStandIn(box.bin);
        const dir = await writeBento(join(box.work, "bento"), spec2());
        const result = await runCli(["containerize", dir, "-t", tag.replace("MARK", mark(box))], {
          env: box.env(),
          cwd: box.work,
        });
        expect(result.exitCode, describeRun(result)).toBe(2);
        expect(await docker.builds()).toEqual([]);
        await expectNoMark(box);
      } finally {
        await box.cleanup();
      }
    },
  );
});
