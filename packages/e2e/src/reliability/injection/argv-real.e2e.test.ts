import { exec, listTree, removeImages, requireEngine } from "@bento/test-support";
import { describe, expect, it } from "vitest";
import { describeRun } from "../support/clean-error.js";
import { runCli } from "../support/cli.js";
import { writeEngineBento } from "../support/engine-bento.js";
import { sandbox } from "../support/sandbox.js";

// On a real docker: a bento folder whose name is shell syntax, and an image label whose
// value is, build fine; docker stores the label byte for byte and no shell ever ran it.

const usable = await requireEngine("docker");

describe.skipIf(!usable)("hostile values reach a real docker as plain arguments", () => {
  it("builds from a folder named with shell syntax, keeping a hostile label verbatim", async () => {
    const box = await sandbox("bento-argv-real-");
    const tag = `bento-relia-argv:${process.pid}`;
    const label = `x'$(touch ${box.root}/pwned)"; touch ${box.root}/pwned && \`touch pwned\``;
    try {
      const dir = await writeEngineBento(box, "b'$(touch pwned) ; x");
      for (const flags of [["--dry-run"], []]) {
        const result = await runCli(
          [
            "containerize",
            dir,
            "--backend",
            "docker",
            "-t",
            tag,
            "--opt",
            `label=note=${label}`,
            ...flags,
          ],
          { env: box.env({}, true), cwd: box.work, timeoutMs: 300_000 },
        );
        expect(result.exitCode, describeRun(result)).toBe(0);
      }
      const inspect = await exec([
        "docker",
        "image",
        "inspect",
        "--format",
        '{{index .Config.Labels "note"}}',
        tag,
      ]);
      expect(inspect.stdout.replace(/\n$/, "")).toBe(label);
      const named = (await listTree(box.root)).filter((path) => /(?:^|\/)pwned\/?$/.test(path));
      expect(named).toEqual([]);
    } finally {
      await removeImages("docker", tag);
      await box.cleanup();
    }
  });
});
