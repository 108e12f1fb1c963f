import {
  EXIT,
  getBackend,
  listBackends,
  liveCapabilities,
  loadedCores,
} from "@bento/container-core";
import { parseCommandArgs, strings } from "../args.js";
import type { CommandContext } from "../command-context.js";
import { JSON_FLAG } from "../command-flags.js";
import { loadBackends, pluginNames } from "../plugins.js";
import { coreCopiesWarning, healthText } from "../render/health.js";
import { jsonText } from "../render/json.js";
import { colorEnabled } from "../render/style.js";

/**
 * `bento health [BACKEND...]`: diagnoses the named backends (default: all) in
 * parallel; exits 0 when every named one, or without names any one, is healthy.
 * Warns on stderr when more than one copy of core is loaded.
 */
export async function run(args: readonly string[], context: CommandContext): Promise<number> {
  const { io } = context;
  const { values, positionals } = parseCommandArgs("health", args, JSON_FLAG);
  await loadBackends(pluginNames(strings(values.plugin), io.env), io.cwd);
  const builders = positionals.length ? positionals.map(getBackend) : listBackends();
  const reports = await Promise.all(
    builders.map(async (builder) => {
      const report = await builder.diagnose({ env: io.env });
      return {
        ...report,
        capabilities: liveCapabilities(builder.capabilities, report.version, report.withheld),
      };
    }),
  );
  io.stderr.write(coreCopiesWarning(loadedCores(), colorEnabled(io.stderr, io.env)));
  io.stdout.write(
    values.json === true ? jsonText(reports) : healthText(reports, colorEnabled(io.stdout, io.env)),
  );
  const healthy = positionals.length
    ? reports.every((report) => report.healthy)
    : reports.some((report) => report.healthy);
  return healthy ? EXIT.ok : EXIT.noBackend;
}
