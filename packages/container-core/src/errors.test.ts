import { describe, expect, it } from "vitest";
import { BentoError, isBentoError, UnknownBackendError } from "./errors.js";

// A second instance of the module stands for a second installed copy of core.
const secondCopy = (): Promise<typeof import("./errors.js")> => {
  const specifier = "./errors.js?second-copy";
  return import(specifier);
};

describe("error brand", () => {
  it("recognizes errors thrown by another copy of core", async () => {
    const other = await secondCopy();
    expect(other.BentoError).not.toBe(BentoError);
    const error = new other.UnknownBackendError("Unknown backend");
    expect(isBentoError(error)).toBe(true);
    expect(error instanceof BentoError).toBe(true);
    expect(other.isBentoError(new UnknownBackendError("x"))).toBe(true);
  });

  it("keeps subclasses apart and refuses look-alikes", async () => {
    const other = await secondCopy();
    expect(new other.UnknownBackendError("x") instanceof UnknownBackendError).toBe(false);
    expect(new UnknownBackendError("x") instanceof UnknownBackendError).toBe(true);
    const lookAlike = Object.assign(new Error("x"), { code: "E_TAG", exitCode: 2 });
    expect(isBentoError(lookAlike)).toBe(false);
    expect(lookAlike instanceof BentoError).toBe(false);
    expect(isBentoError(undefined)).toBe(false);
  });
});
