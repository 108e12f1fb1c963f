import type { OCIBuilder } from "../backend/contract.js";
import { CommandFailedError } from "../errors.js";

/**
 * A failed build whose backend no longer passes its health check (a daemon
 * that died mid-build) gets the health report's reason and hint instead of
 * the generic "fix the bento" one. Anything else is rethrown as it is.
 */
export async function explainFailure(
  error: unknown,
  builder: OCIBuilder,
  env: Readonly<Record<string, string | undefined>>,
): Promise<never> {
  if (!(error instanceof CommandFailedError)) throw error;
  const report = await builder.diagnose({ env });
  if (report.healthy) throw error;
  throw new CommandFailedError(
    `${error.message}; ${builder.name} stopped answering: ${report.reason ?? "its health check fails"}`,
    {
      argv: error.argv,
      engineExitCode: error.engineExitCode,
      signal: error.signal,
      outputTail: error.outputTail,
      hint: report.hint ?? `Start ${builder.name} again (see \`bento health\`), then rebuild.`,
      cause: error,
    },
  );
}
