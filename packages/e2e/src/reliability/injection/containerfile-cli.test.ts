import { join } from "node:path";
import { describe, it } from "vitest";
import { writeBento } from "../support/bento-files.js";
import { describeRun, unclearError } from "../support/clean-error.js";
import { runCli } from "../support/cli.js";
import { sandbox } from "../support/sandbox.js";
import { FIELDS } from "./fields.js";
import { MARK } from "./payloads.js";
import { renderApi } from "./render.js";
import { unsafeRendering } from "./verdict.js";

// The same proof through `bento containerfile`, one run per field with a value packing a line
// break and every shell metacharacter: refused with exit 2 and a clear error, or printed
// exactly as the API renders it, with no new instruction and no unquoted command.

const PAYLOAD = `x' ; "$(touch ${MARK})" \`touch ${MARK}\` && touch ${MARK} ; \\'\nUSER pwned \\`;

describe.concurrent("bento containerfile with a hostile value", () => {
  for (const field of FIELDS) {
    it(field.name, async ({ expect, onTestFinished }) => {
      const box = await sandbox("bento-inject-cli-");
      onTestFinished(() => box.cleanup());
      const carrier = field.carry(PAYLOAD);
      const dir = await writeBento(join(box.work, "bento"), carrier.yaml);
      const result = await runCli(["containerfile", dir, ...(carrier.flags ?? [])], {
        env: box.env(),
        cwd: box.work,
      });
      const api = await renderApi(box.root, carrier);
      if (typeof api !== "string") {
        expect(result.exitCode, describeRun(result)).toBe(2);
        const said = new RegExp(api.message.split("\n")[0]!.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
        expect(unclearError(result.stderr, said), describeRun(result)).toBeUndefined();
        return;
      }
      expect(result.exitCode, describeRun(result)).toBe(0);
      expect(result.stdout.trim()).toBe(api.trim());
      const clean = (await renderApi(box.root, field.carry(field.harmless))) as string;
      const problem = unsafeRendering(field, clean, result.stdout);
      expect(problem, problem).toBeUndefined();
    });
  }
});
