import { it } from "vitest";
import { declareCheck, recordOutcome } from "./summary.js";

/** Generous: the first check of an engine may wait for a cold build. */
const CHECK_TIMEOUT_MS = 600_000;

/** A test that also fills its cell of the summary table. */
export function check(name: string, backend: string, body: () => Promise<void>): void {
  declareCheck(name, backend);
  it(
    name,
    async () => {
      try {
        await body();
      } catch (error) {
        recordOutcome(name, backend, "FAIL");
        throw error;
      }
      recordOutcome(name, backend, "pass");
    },
    CHECK_TIMEOUT_MS,
  );
}

/**
 * A check of the right behaviour that a known bug (`bug`, reported) still breaks:
 * passes while the body fails, printing why, and fails once the bug is gone so
 * that it is turned back into a plain {@link check}.
 */
export function knownBug(
  name: string,
  backend: string,
  bug: string,
  body: () => Promise<void>,
): void {
  declareCheck(name, backend);
  it(
    `${name} (known bug: ${bug})`,
    async () => {
      try {
        await body();
      } catch (error) {
        recordOutcome(name, backend, "known bug");
        console.warn(`${backend} / ${name}: known bug still there: ${(error as Error).message}`);
        return;
      }
      recordOutcome(name, backend, "FAIL");
      throw new Error(`${backend} / ${name} passes now: ${bug} is fixed; make it a plain check`);
    },
    CHECK_TIMEOUT_MS,
  );
}
