import { isBentoError } from "@bento/container-core";
import { tempDir } from "@bento/test-support";
import { afterAll, describe, expect, it } from "vitest";
import { FIELDS } from "./fields.js";
import { LINE_PAYLOADS, SHELL_PAYLOADS } from "./payloads.js";
import { renderApi } from "./render.js";
import { unsafeRendering } from "./verdict.js";

// Every field x every payload through getContainerfile: refused with a bento error (exit 2),
// or rendered with no new instruction and no unquoted command.

const root = await tempDir("bento-inject-api-");
afterAll(() => root.cleanup());

describe.each(FIELDS)("$name", (field) => {
  it("renders its harmless value (the field reaches the generator)", async () => {
    const clean = await renderApi(root.path, field.carry(field.harmless));
    expect(clean).toBeTypeOf("string");
  });

  it.each([...LINE_PAYLOADS, ...SHELL_PAYLOADS])("%j is refused or inert", async (payload) => {
    const clean = (await renderApi(root.path, field.carry(field.harmless))) as string;
    const text = await renderApi(root.path, field.carry(payload));
    if (typeof text !== "string") {
      expect(isBentoError(text), String(text)).toBe(true);
      expect(text).toMatchObject({ exitCode: 2 });
      expect(text.message).not.toMatch(/not valid YAML/);
      return;
    }
    const problem = unsafeRendering(field, clean, text);
    expect(problem, problem).toBeUndefined();
  });
});
