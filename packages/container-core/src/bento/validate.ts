import type { BentoConfig, BentoConfigBase } from "./schema.js";
import { FieldReader, isMapping, type Mapping, scalarText } from "./validate-fields.js";
import { readModels, readServices } from "./validate-models.js";
import { readConda, readDocker, readEnvs, readImage } from "./validate-spec.js";

/**
 * Checks parsed `bento.yaml` content and returns the typed model.
 * Unknown keys are ignored; a wrong type is a `BentoYamlError` naming `file` and the key path.
 */
export function validateBentoConfig(raw: unknown, file: string): BentoConfig {
  const fields = new FieldReader(file);
  if (raw === undefined || raw === null)
    throw fields.fail("", "is empty", `A bento.yaml holds at least name, version and service.`);
  if (!isMapping(raw))
    throw fields.fail(
      "",
      "must be a mapping of keys to values",
      "Check that this is a bento.yaml.",
    );
  const base = readBase(fields, raw);
  const spec = readSpec(fields, raw);
  if (spec === 2) return { ...base, spec, image: readImage(fields, raw) };
  return {
    ...base,
    spec,
    docker: readDocker(fields, raw),
    python: fields.mapping(raw.python, "python"),
    conda: readConda(fields, raw),
  };
}

function readBase(fields: FieldReader, raw: Mapping): BentoConfigBase {
  return {
    name: fields.tagPart(raw, "name", "name"),
    version: fields.tagPart(raw, "version", "version"),
    service: fields.requiredString(raw, "service", "service"),
    bentoml_version: fields.optionalString(raw, "bentoml_version", "bentoml_version"),
    creation_time: fields.optionalString(raw, "creation_time", "creation_time"),
    labels: readLabels(fields, raw),
    models: readModels(fields, raw, "models"),
    services: readServices(fields, raw),
    envs: readEnvs(fields, raw),
  };
}

function readSpec(fields: FieldReader, raw: Mapping): 1 | 2 {
  const spec = raw.spec;
  if (spec === undefined || spec === null) return 1;
  const text = scalarText(spec);
  if (text === "1" || text === "2") return text === "1" ? 1 : 2;
  throw fields.fail("spec", `must be 1 or 2, got ${JSON.stringify(spec)}`);
}

/** Labels as strings; BentoML stores any YAML value, so nested ones become JSON text. */
function readLabels(fields: FieldReader, raw: Mapping): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const [key, value] of Object.entries(fields.mapping(raw.labels, "labels")))
    labels[key] = scalarText(value) ?? (value === null ? "" : JSON.stringify(value));
  return labels;
}
