import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { ContainerfileError } from "../errors.js";
import { containerfileEngine } from "./engine.js";
import { translateJinja } from "./jinja/translate.js";
import { templateFiles } from "./template-files.js";
import { USER_TEMPLATE_PATH } from "./user-template-path.js";
import type { TemplatePlan } from "./variables-v1.js";

/**
 * Renders the bento's Jinja `Dockerfile.template`, translated to liquid; its
 * `{% extends bento_base_template %}` extends the template `plan` chose. As
 * BentoML does, it reads the bento's own copy, never the path bento.yaml
 * recorded (absolute or with `..` in bentos before BentoML 1.4.34).
 */
export async function renderUserTemplate(dir: string, plan: TemplatePlan): Promise<string> {
  const file = join(dir, ...USER_TEMPLATE_PATH.split("/"));
  let source: string;
  try {
    source = await readFile(file, "utf8");
  } catch (cause) {
    throw new ContainerfileError(
      `bento.yaml sets docker.dockerfile_template, but ${file} cannot be read`,
      {
        hint: "Rebuild the bento: BentoML stores the template at env/docker/Dockerfile.template.",
        cause,
      },
    );
  }
  const macros = { "_macros.j2": templateFiles()["_macros.j2"] ?? "" };
  const liquid = translateJinja(
    source.replace(/\r\n/g, "\n"),
    USER_TEMPLATE_PATH,
    plan.template,
    macros,
  );
  try {
    return await (await containerfileEngine()).parseAndRender(liquid, plan.variables);
  } catch (cause) {
    throw new ContainerfileError(
      `${USER_TEMPLATE_PATH} failed to render: ${(cause as Error).message}`,
      {
        hint: "Check the template's blocks and variables against the bento's base template.",
        cause,
      },
    );
  }
}
