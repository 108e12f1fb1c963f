import { ContainerfileError } from "../errors.js";
import { copyArguments, listContextEntries } from "./copy-entries.js";
import { containerfileEngine, ENGINE_FILE } from "./engine.js";
import { featuresInstruction } from "./features.js";
import { headerLines } from "./header.js";
import {
  type BentoSource,
  type ContainerfileOptions,
  type ResolvedOptions,
  resolveOptions,
} from "./options.js";
import { renderCached } from "./render-cache.js";
import { templateFiles } from "./template-files.js";
import { renderUserTemplate } from "./user-template.js";
import { planV1, type TemplatePlan } from "./variables-v1.js";
import { planV2 } from "./variables-v2.js";

/**
 * Renders the Containerfile for a bento. Reads only the bento directory (user
 * template, conda environment.yml, top-level names); values from bento.yaml
 * never start a line of their own.
 */
export async function generateContainerfile(
  bento: BentoSource,
  options: ContainerfileOptions = {},
): Promise<string> {
  const { config, dir } = bento;
  const resolved = resolveOptions(options);
  if (config.spec === 2 && resolved.features.length > 0) {
    // BentoML ignores features for spec 2 bentos; say so rather than drop them silently.
    options.onWarning?.(
      `Features (${resolved.features.join(", ")}) apply to spec 1 bentos only and are ignored for this spec 2 bento; add the extras (e.g. bentoml[grpc]) to its Python requirements instead.`,
    );
    resolved.features = [];
  }
  const entries =
    resolved.layout === "layered"
      ? (resolved.contextEntries ?? (await listContextEntries(dir, config)))
      : [];
  const copyArgs = copyArguments(resolved.layout, entries);
  const plan =
    config.spec === 2
      ? planV2(config, resolved, copyArgs)
      : await planV1(dir, config, resolved, copyArgs);
  const userTemplate = config.spec === 1 && config.docker.dockerfile_template !== undefined;
  const body = userTemplate
    ? await renderUserTemplate(dir, plan)
    : await renderPlan(plan, options.renderCache);
  return assemble(body, resolved, config.spec === 1);
}

async function renderPlan(plan: TemplatePlan, cacheDir: string | undefined): Promise<string> {
  try {
    const cache = { dir: cacheDir, templates: templateFiles(), engineFile: ENGINE_FILE };
    return await renderCached(plan, cache, async () =>
      (await containerfileEngine()).renderFile(plan.template, plan.variables),
    );
  } catch (cause) {
    if (cause instanceof ContainerfileError) throw cause;
    throw new ContainerfileError(
      `Rendering template ${plan.template} failed: ${(cause as Error).message}`,
      {
        hint: "This is a bug in bento-container; please report it with the bento.yaml.",
        cause,
      },
    );
  }
}

/**
 * Header lines, the rendered body, and (compat) BentoML's features line after
 * ENTRYPOINT; layered installs features in the template. LF line endings, one final newline.
 */
function assemble(body: string, options: ResolvedOptions, isSpec1: boolean): string {
  const parts = [...headerLines(options), body.replace(/\r\n/g, "\n").replace(/\n*$/, "")];
  if (isSpec1 && options.layout === "compat" && options.features.length > 0)
    parts.push("", featuresInstruction(options.features, options.enableBuildkit));
  return `${parts.join("\n")}\n`;
}
