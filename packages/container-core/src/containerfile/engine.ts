import { fileURLToPath } from "node:url";
import type { Context, Liquid } from "liquidjs";
import { shellQuote } from "./quote.js";
import { templateFiles } from "./template-files.js";

let engine: Promise<Liquid> | undefined;

/** This module's file: its filters decide rendered output as much as the templates do. */
export const ENGINE_FILE = fileURLToPath(import.meta.url);

/**
 * The liquid engine all Containerfiles render with (templates cached after first
 * use). liquidjs loads on the first call, so commands that render nothing skip it.
 */
export function containerfileEngine(): Promise<Liquid> {
  engine ??= createEngine().catch((error: unknown) => {
    engine = undefined;
    throw error;
  });
  return engine;
}

async function createEngine(): Promise<Liquid> {
  const { Liquid } = await import("liquidjs");
  const liquid = new Liquid({
    templates: templateFiles(),
    extname: ".liquid",
    strictFilters: true,
    jsTruthy: true,
    ownPropertyOnly: true,
    cache: true,
  });
  liquid.registerFilter("bash_quote", (value: unknown) => shellQuote(String(value ?? "")));
  liquid.registerFilter("run_cached", runCached);
  // Jinja list literals in users' templates: `nil | jinja_list: a, b` is [a, b].
  liquid.registerFilter("jinja_list", (_input: unknown, ...items: unknown[]) => items);
  return liquid;
}

/** `RUN ` plus a locked cache mount per target when BuildKit is on, as BentoML's RUN macro. */
function runCached(this: { context: Context }, ...targets: unknown[]): string {
  if (!this.context.getSync(["__enable_buildkit__"])) return "RUN ";
  const mounts = targets.map(
    (target) => `--mount=type=cache,sharing=locked,target=${String(target)}`,
  );
  return `RUN ${mounts.join(" ")} `;
}
