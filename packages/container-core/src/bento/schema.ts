/**
 * The typed model of `bento.yaml`, as far as containerization reads it.
 *
 * Keys keep bento.yaml's snake_case spelling, so a field here is found in the
 * file under the same name. Numbers in the file are read as their source text
 * (`python_version: 3.10` is `"3.10"`), and keys this model does not know are
 * dropped without complaint, since newer BentoML releases add fields.
 */

/** Where a model comes from: BentoML's model store or the Hugging Face hub. */
export type ModelRegistry = "bentoml" | "huggingface";

/** A model tag, `name[:version]`, split. */
export interface ModelTag {
  name: string;
  version?: string;
}

/** How to find a Hugging Face model (bento.yaml `metadata` of a `huggingface` model). */
export interface HuggingFaceSource {
  /** Repository id, `org/name`. */
  model_id: string;
  /** Commit hash or branch; `main` when bento.yaml records none. */
  revision: string;
  endpoint?: string;
  include?: string[];
  exclude?: string[];
}

/** One model a bento needs, from `models:` or `services[].models`. */
export interface BentoModel {
  tag: ModelTag;
  registry: ModelRegistry;
  module?: string;
  alias?: string;
  creation_time?: string;
  /** Set when `registry` is `huggingface`. */
  huggingface?: HuggingFaceSource;
}

/** A service of a BentoML 1.2+ bento (`services:` entry). */
export interface BentoService {
  name: string;
  service?: string;
  models: BentoModel[];
}

/** When an env var applies: image build, container runtime, or both. */
export type EnvStage = "all" | "build" | "runtime";

/** An entry of `envs:`. */
export interface BentoEnv {
  name: string;
  value?: string;
  stage: EnvStage;
}

/** A spec 1 bento's `docker:` section of bento.yaml (not the docker backend's options). */
export interface BentoDockerSection {
  distro?: string;
  python_version?: string;
  cuda_version?: string;
  env?: Record<string, string>;
  system_packages?: string[];
  setup_script?: string;
  base_image?: string;
  dockerfile_template?: string;
}

/** An entry of `conda.dependencies`: a conda package spec, or the pip packages. */
export type CondaDependency = string | { pip: string[] };

/** Spec 1 `conda:` options. */
export interface CondaOptions {
  channels?: string[];
  dependencies?: CondaDependency[];
  pip?: string[];
  environment_yml?: string;
}

/** Spec 2 `image:` options. */
export interface ImageOptions {
  base_image?: string;
  python_version?: string;
  commands: string[];
  python_requirements?: string;
  post_commands: string[];
  build_include: string[];
}

/** Fields both specs share. */
export interface BentoConfigBase {
  name: string;
  version: string;
  service: string;
  bentoml_version?: string;
  creation_time?: string;
  labels: Record<string, string>;
  /** Top-level `models:`, normalized. */
  models: BentoModel[];
  services: BentoService[];
  envs: BentoEnv[];
}

/** A spec 1 bento (no `spec:` key, or `spec: 1`). */
export interface BentoConfigV1 extends BentoConfigBase {
  spec: 1;
  docker: BentoDockerSection;
  /** `python:` options, kept as read: the Containerfile does not use them. */
  python: Record<string, unknown>;
  conda: CondaOptions;
}

/** A spec 2 bento (`spec: 2`, BentoML 1.2+ SDK). */
export interface BentoConfigV2 extends BentoConfigBase {
  spec: 2;
  image: ImageOptions;
}

/** A validated `bento.yaml`. */
export type BentoConfig = BentoConfigV1 | BentoConfigV2;

/** Every model the bento needs: `models:` and each service's, once per tag. */
export function allModels(config: BentoConfig): BentoModel[] {
  const byTag = new Map<string, BentoModel>();
  const key = (model: BentoModel) => `${model.tag.name}:${model.tag.version ?? ""}`;
  for (const model of config.models) byTag.set(key(model), model);
  for (const service of config.services)
    for (const model of service.models) byTag.set(key(model), model);
  return [...byTag.values()];
}
