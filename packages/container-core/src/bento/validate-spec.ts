import type {
  BentoDockerSection,
  BentoEnv,
  CondaDependency,
  CondaOptions,
  EnvStage,
  ImageOptions,
} from "./schema.js";
import { type FieldReader, isMapping, type Mapping, scalarText } from "./validate-fields.js";

const STAGES: readonly EnvStage[] = ["all", "build", "runtime"];

/** Spec 1 `docker:`. */
export function readDocker(fields: FieldReader, root: Mapping): BentoDockerSection {
  const docker = fields.mapping(root.docker, "docker");
  const s = (key: string) => fields.optionalString(docker, key, `docker.${key}`);
  return {
    distro: s("distro"),
    python_version: s("python_version"),
    // BentoML reads an empty or "None" cuda_version as unset.
    cuda_version: ["", "None"].includes(s("cuda_version") ?? "") ? undefined : s("cuda_version"),
    env: fields.optionalStringMap(docker, "env", "docker.env"),
    system_packages: fields.optionalStringList(docker, "system_packages", "docker.system_packages"),
    setup_script: s("setup_script"),
    base_image: s("base_image"),
    dockerfile_template: s("dockerfile_template"),
  };
}

/** Spec 1 `conda:`. */
export function readConda(fields: FieldReader, root: Mapping): CondaOptions {
  const conda = fields.mapping(root.conda, "conda");
  const list = (key: string) => fields.optionalStringList(conda, key, `conda.${key}`);
  return {
    channels: list("channels"),
    dependencies: readCondaDependencies(fields, conda),
    pip: list("pip"),
    environment_yml: fields.optionalString(conda, "environment_yml", "conda.environment_yml"),
  };
}

/**
 * `conda.dependencies`: conda package specs and at most one `{pip: [...]}`
 * entry, the form conda's environment.yml and BentoML's docs use.
 */
function readCondaDependencies(fields: FieldReader, conda: Mapping): CondaDependency[] | undefined {
  const path = "conda.dependencies";
  if (conda.dependencies === undefined || conda.dependencies === null) return undefined;
  const items = fields.list(conda, "dependencies", path);
  const pipEntries = items.filter((item) => typeof item !== "string");
  const pipEntry = pipEntries[0];
  if (pipEntries.length > 1 || (pipEntry !== undefined && !isPipEntry(pipEntry)))
    throw fields.fail(
      path,
      "must list strings and at most one {pip: [...]} entry",
      `Write pip packages as one entry, e.g. "- pip: [requests]", in ${fields.file}.`,
    );
  if (pipEntry !== undefined) fields.optionalStringList(pipEntry as Mapping, "pip", `${path}.pip`);
  return items as CondaDependency[];
}

function isPipEntry(item: unknown): boolean {
  return isMapping(item) && Object.keys(item).length === 1 && Array.isArray(item.pip);
}

/** Spec 2 `image:`. */
export function readImage(fields: FieldReader, root: Mapping): ImageOptions {
  const image = fields.mapping(root.image, "image");
  const list = (key: string) => fields.optionalStringList(image, key, `image.${key}`) ?? [];
  return {
    base_image: fields.optionalString(image, "base_image", "image.base_image") || undefined,
    python_version:
      fields.optionalString(image, "python_version", "image.python_version") || undefined,
    commands: list("commands"),
    python_requirements: fields.optionalString(
      image,
      "python_requirements",
      "image.python_requirements",
    ),
    post_commands: list("post_commands"),
    build_include: list("build_include"),
  };
}

/** `envs:`, a list of `{name, value?, stage?}`. */
export function readEnvs(fields: FieldReader, root: Mapping): BentoEnv[] {
  return fields.list(root, "envs", "envs").map((item, index) => {
    const path = `envs[${index}]`;
    if (!isMapping(item)) throw fields.fail(path, "must be a mapping with a name");
    const stage = fields.optionalString(item, "stage", `${path}.stage`) ?? "all";
    if (!STAGES.includes(stage as EnvStage))
      throw fields.fail(`${path}.stage`, `must be one of ${STAGES.join(", ")}, got "${stage}"`);
    const env: BentoEnv = {
      name: fields.requiredString(item, "name", `${path}.name`),
      stage: stage as EnvStage,
    };
    if (item.value !== undefined && item.value !== null) {
      const value = scalarText(item.value);
      if (value === undefined) throw fields.fail(`${path}.value`, "must be a string");
      env.value = value;
    }
    return env;
  });
}
