import type { BentoConfig } from "../bento/schema.js";
import { buildStageEnvs } from "../containerfile/secrets.js";
import { BentoError } from "../errors.js";

/**
 * Values of the bento's build-stage envs (spec 2 `stage: build`): the value in
 * bento.yaml, else the same-named variable of the user's environment.
 */
export function buildStageSecrets(
  config: BentoConfig,
  env: Readonly<Record<string, string | undefined>>,
): Record<string, string> {
  const secrets: Record<string, string> = {};
  for (const entry of buildStageEnvs(config)) {
    const value = entry.value ?? env[entry.name];
    if (value === undefined) {
      throw new BentoError(
        `Build-stage env "${entry.name}" has no value in bento.yaml or in the environment.`,
        {
          hint: `Set ${entry.name} in the environment of the build (it is passed as a build secret, never stored in the image).`,
        },
      );
    }
    secrets[entry.name] = value;
  }
  return secrets;
}
