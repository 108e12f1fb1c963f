import type { BentoModel, BentoService, HuggingFaceSource, ModelTag } from "./schema.js";
import { type FieldReader, isMapping, type Mapping } from "./validate-fields.js";

/** Normalizes a `models:` list: tag strings (bentos before BentoML 1.0) or model mappings. */
export function readModels(fields: FieldReader, parent: Mapping, path: string): BentoModel[] {
  return fields.list(parent, "models", path).map((item, index) => {
    const itemPath = `${path}[${index}]`;
    if (typeof item === "string")
      return { tag: splitTag(fields, item, itemPath), registry: "bentoml" };
    if (!isMapping(item))
      throw fields.fail(itemPath, "must be a model tag or a mapping with a tag");
    return readModel(fields, item, itemPath);
  });
}

/** Normalizes `services:` (BentoML 1.2+), each with its own models. */
export function readServices(fields: FieldReader, parent: Mapping): BentoService[] {
  return fields.list(parent, "services", "services").map((item, index) => {
    const path = `services[${index}]`;
    if (!isMapping(item)) throw fields.fail(path, "must be a mapping");
    return {
      name: fields.requiredString(item, "name", `${path}.name`),
      service: fields.optionalString(item, "service", `${path}.service`),
      models: readModels(fields, item, `${path}.models`),
    };
  });
}

function readModel(fields: FieldReader, item: Mapping, path: string): BentoModel {
  const tag = splitTag(fields, fields.requiredString(item, "tag", `${path}.tag`), `${path}.tag`);
  const registry = fields.optionalString(item, "registry", `${path}.registry`) ?? "bentoml";
  if (registry !== "bentoml" && registry !== "huggingface")
    throw fields.fail(`${path}.registry`, 'must be "bentoml" or "huggingface"');
  const model: BentoModel = {
    tag,
    registry,
    module: fields.optionalString(item, "module", `${path}.module`),
    alias: fields.optionalString(item, "alias", `${path}.alias`),
    creation_time: fields.optionalString(item, "creation_time", `${path}.creation_time`),
  };
  if (registry === "huggingface") model.huggingface = readHuggingFace(fields, item, tag, path);
  return model;
}

/** A Hugging Face model's id and revision; without metadata, the tag name `org--name` is the id. */
function readHuggingFace(
  fields: FieldReader,
  item: Mapping,
  tag: ModelTag,
  path: string,
): HuggingFaceSource {
  const metadata = fields.mapping(item.metadata, `${path}.metadata`);
  const metaPath = `${path}.metadata`;
  return {
    model_id:
      fields.optionalString(metadata, "model_id", `${metaPath}.model_id`) ??
      tag.name.replaceAll("--", "/"),
    revision: fields.optionalString(metadata, "revision", `${metaPath}.revision`) ?? "main",
    endpoint: fields.optionalString(metadata, "endpoint", `${metaPath}.endpoint`),
    include: fields.optionalStringList(metadata, "include", `${metaPath}.include`),
    exclude: fields.optionalStringList(metadata, "exclude", `${metaPath}.exclude`),
  };
}

function splitTag(fields: FieldReader, text: string, path: string): ModelTag {
  const [name, version, ...rest] = text.split(":");
  if (!name || rest.length > 0 || version === "")
    throw fields.fail(path, `must be a model tag "name:version", got "${text}"`);
  for (const part of version === undefined ? [name] : [name, version])
    fields.checkTagPart(part, path);
  return version === undefined ? { name } : { name, version };
}
