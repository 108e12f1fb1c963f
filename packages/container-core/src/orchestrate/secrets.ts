import type { BentoConfig } from "../bento/schema.js";
import { buildStageEnvs } from "../containerfile/secrets.js";
import { BentoError } from "../errors.js";

/**
 * Values of the bento's build-stage envs (spec 2 `stage: build`): the
 * same-named variable of the build's environment, else the bento.yaml value as
 * the default, as BentoML's `os.getenv(name, value)` (newer BentoML writes
 * `value: ''`, so the environment must win). Both missing is an error; an empty
 * value taken from bento.yaml is used with a warning.
 */
export function buildStageSecrets(
  config: BentoConfig,
  env: Readonly<Record<string, string | undefined>>,
  onWarning: (message: string) => void = () => {},
): Record<string, string> {
  const secrets: Record<string, string> = {};
  const missing: string[] = [];
  for (const entry of buildStageEnvs(config)) {
    const value = env[entry.name] ?? entry.value;
    if (value === undefined) missing.push(entry.name);
    else secrets[entry.name] = value;
    if (value === "" && env[entry.name] === undefined)
      onWarning(
        `Build-stage env "${entry.name}" is empty: bento.yaml gives '' and the environment does not set it.`,
      );
  }
  if (missing.length > 0) {
    const names = missing.join(", ");
    throw new BentoError(
      `Build-stage env${missing.length > 1 ? "s" : ""} ${names} ${missing.length > 1 ? "have" : "has"} no value: not set in the environment and no value in bento.yaml.`,
      {
        hint: `Set ${names} in the environment of the build (it is passed as a build secret, never stored in the image).`,
      },
    );
  }
  return secrets;
}
