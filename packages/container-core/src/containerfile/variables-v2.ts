import type { BentoConfigV2, ImageOptions } from "../bento/schema.js";
import { ContainerfileError } from "../errors.js";
import {
  assertEnvName,
  assertOneLine,
  collapseToOneLine,
  joinContinuations,
} from "./line-safety.js";
import type { ResolvedOptions } from "./options.js";
import { assertInsideBento } from "./paths.js";
import { shellQuote } from "./quote.js";
import { buildSecretNames, runPrefixes } from "./secrets.js";
import { commonVariables } from "./variables-common.js";
import type { TemplatePlan } from "./variables-v1.js";

const PYTHON_VERSION = /^\d+\.\d+(\.\d+)?$/;
/** What a `build_include` entry may hold to be written into COPY unquoted. */
const INCLUDE_PATH = /^[A-Za-z0-9_.@+=,/*?[\]-]+$/;

/** The spec 2 template's variables, every bento.yaml value checked to stay on its line. */
export function planV2(
  config: BentoConfigV2,
  options: ResolvedOptions,
  copyArgs: readonly string[],
): TemplatePlan {
  const image = config.image;
  const python = pythonVersion(image);
  const prefixes = runPrefixes(buildSecretNames(config), options.enableBuildkit, options.layout);
  return {
    template: "v2",
    variables: {
      ...commonVariables(options, copyArgs),
      __base_image__: baseImage(image, python, options.baseImage),
      __python_version__: python,
      __commands__: image.commands.map((c, i) => joinContinuations(c, `image.commands[${i}]`)),
      __post_commands__: image.post_commands.map((c, i) =>
        joinContinuations(c, `image.post_commands[${i}]`),
      ),
      __build_include__: image.build_include.map(includePath),
      __envs__: runtimeEnvs(config),
      __run_step__: prefixes.step,
      __run_install__: prefixes.install,
      __install_exports__: prefixes.installExports,
    },
  };
}

function pythonVersion(image: ImageOptions): string | undefined {
  const version = image.python_version?.trim();
  if (version === undefined || version === "") return undefined;
  if (!PYTHON_VERSION.test(version))
    throw new ContainerfileError(
      `bento.yaml: image.python_version "${version}" is not a Python version`,
      {
        hint: 'Write it as major.minor, e.g. "3.11".',
      },
    );
  return version;
}

function baseImage(image: ImageOptions, python: string | undefined, override?: string): string {
  if (override !== undefined && override.trim() !== "")
    return collapseToOneLine(override, "the baseImage option");
  if (image.base_image !== undefined && image.base_image.trim() !== "")
    return collapseToOneLine(image.base_image, "image.base_image");
  // BentoML's build always records a base image; older bentos without one get
  // the image its SDK would have chosen for the Python version.
  if (python !== undefined) {
    return `python:${python}-slim`;
  }
  throw new ContainerfileError(
    "bento.yaml: image.base_image and image.python_version are both missing",
    {
      hint: "Rebuild the bento with a current BentoML, or pass a base image.",
    },
  );
}

function includePath(path: string, index: number): string {
  const key = `image.build_include[${index}]`;
  assertInsideBento(path, key);
  if (!INCLUDE_PATH.test(path))
    throw new ContainerfileError(
      `bento.yaml: ${key} ${JSON.stringify(path)} cannot be written into a COPY instruction`,
      {
        hint: "Use a path without spaces, quotes, $ or control characters.",
      },
    );
  return path.replace(/^\.\//, "");
}

/** Stage `all` envs as ARG/ENV pairs (value shell-quoted); `runtime` ones stay out of the image. */
function runtimeEnvs(config: BentoConfigV2): { name: string; value?: string }[] {
  return config.envs.flatMap((env, i) => {
    if (env.stage !== "all") return [];
    const name = assertEnvName(env.name, `envs[${i}].name`);
    if (env.value === undefined || env.value === "") return [{ name }];
    return [{ name, value: shellQuote(assertOneLine(env.value, `envs[${i}].value`)) }];
  });
}
