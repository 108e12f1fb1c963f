import type { BentoConfigV1, BentoDockerSection } from "../bento/schema.js";
import { condaPythonVersion, usesConda } from "./conda.js";
import { resolveCudaVersion } from "./cuda.js";
import { chooseV1Template, type V1TemplateChoice } from "./distro.js";
import { layeredFeaturesInstruction } from "./features.js";
import { assertEnvName, assertOneLine } from "./line-safety.js";
import type { ResolvedOptions } from "./options.js";
import { shellQuote } from "./quote.js";
import { USER_TEMPLATE_PATH } from "./user-template-path.js";
import { commonVariables } from "./variables-common.js";

/** A template to render and the variables to render it with. */
export interface TemplatePlan {
  template: string;
  variables: Record<string, unknown>;
}

/** Chooses the spec 1 template and computes its variables, checking every bento.yaml value used. */
export async function planV1(
  dir: string,
  config: BentoConfigV1,
  options: ResolvedOptions,
  copyArgs: readonly string[],
): Promise<TemplatePlan> {
  const docker = config.docker;
  const conda = usesConda(config.conda);
  const choice = chooseV1Template(docker, conda, options.baseImage);
  // The recorded path is where the script was at build time (absolute or with
  // `..` before BentoML 1.4.34); the bento's copy is env/docker/setup_script.
  if (docker.setup_script !== undefined) assertOneLine(docker.setup_script, "docker.setup_script");
  const condaPython = choice.template.startsWith("miniconda_")
    ? await condaPythonVersion(dir, choice.pythonVersion)
    : choice.pythonVersion;
  return {
    template: choice.template,
    variables: {
      ...commonVariables(options, copyArgs),
      ...optionVariables(docker, choice),
      __base_image__: choice.baseImage,
      __is_cuda__: choice.isCuda,
      __conda_python_version__: condaPython,
      __system_packages__: systemPackages(docker),
      __env_pairs__: envPairs(docker),
      __features_install__:
        options.layout === "layered"
          ? layeredFeaturesInstruction(
              options.features,
              options.enableBuildkit,
              config.bentoml_version,
            )
          : undefined,
    },
  };
}

/** `docker:` as `__options__*`, the names BentoML's templates and users' templates use. */
function optionVariables(
  docker: BentoDockerSection,
  choice: V1TemplateChoice,
): Record<string, unknown> {
  return {
    __options__distro: docker.distro ?? "debian",
    __options__python_version: choice.pythonVersion,
    __options__cuda_version:
      choice.isCuda && docker.cuda_version
        ? resolveCudaVersion(docker.cuda_version)
        : docker.cuda_version,
    __options__env: docker.env,
    __options__system_packages: docker.system_packages?.length ? docker.system_packages : undefined,
    __options__setup_script: docker.setup_script,
    __options__base_image: docker.base_image,
    // BentoML renders with the template the bento stored, whatever path bento.yaml recorded.
    __options__dockerfile_template:
      docker.dockerfile_template === undefined ? undefined : USER_TEMPLATE_PATH,
  };
}

/** `system_packages`, each shell-quoted, space-separated. */
function systemPackages(docker: BentoDockerSection): string {
  return (docker.system_packages ?? [])
    .map((name, i) => shellQuote(assertOneLine(name, `docker.system_packages[${i}]`)))
    .join(" ");
}

/** `docker.env` as ARG/ENV pairs; values shell-quoted so spaces and quotes stay in the value. */
function envPairs(docker: BentoDockerSection): { name: string; value: string }[] {
  return Object.entries(docker.env ?? {}).map(([name, value]) => ({
    name: assertEnvName(name, `docker.env.${name}`),
    value: shellQuote(assertOneLine(value, `docker.env.${name}`)),
  }));
}
