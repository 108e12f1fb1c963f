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
