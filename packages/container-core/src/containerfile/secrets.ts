import type { BentoConfig, BentoEnv } from "../bento/schema.js";
import { ContainerfileError } from "../errors.js";
import { assertEnvName } from "./line-safety.js";

/** Spec 2 `envs` of stage `build`: given to the build as secrets, never baked into the image. */
export function buildStageEnvs(config: BentoConfig): BentoEnv[] {
  if (config.spec !== 2) return [];
  return config.envs.filter((env) => env.stage === "build");
}

/**
 * Secret ids the build must supply, one per build-stage env, each as
 * `--secret id=NAME,src=FILE` (the Containerfile reads `/run/secrets/NAME`).
 */
export function buildSecretNames(config: BentoConfig): string[] {
  return buildStageEnvs(config).map((env, i) => assertEnvName(env.name, `envs[${i}].name`));
}

/** Beginnings of spec 2 `RUN` lines: bare, a build step, and the cached requirements install. */
export interface RunPrefixes {
  plain: string;
  step: string;
  install: string;
}

const INSTALL_CACHE = "--mount=type=cache,sharing=locked,target=/root/.cache/";

/**
 * `RUN` prefixes mounting each secret and exporting it for the whole command.
 * BentoML prefixes `NAME=value` to the command, which reaches only its first
 * simple command and breaks `if` lines; `export ... &&` reaches all of it.
 */
export function runPrefixes(secretNames: readonly string[], enableBuildkit: boolean): RunPrefixes {
  if (!enableBuildkit) {
    if (secretNames.length > 0)
      throw new ContainerfileError(
        `Build-stage envs (${secretNames.join(", ")}) need BuildKit secrets, and BuildKit is off`,
        {
          hint: "Use a BuildKit backend (docker, buildx, nerdctl, buildctl) with DOCKER_BUILDKIT unset or 1, or change the envs' stage.",
        },
      );
    return { plain: "RUN ", step: "RUN ", install: "RUN " };
  }
  if (secretNames.length === 0)
    return { plain: "RUN ", step: "RUN  ", install: `RUN  ${INSTALL_CACHE} ` };
  const mounts = secretNames.map((name) => `--mount=type=secret,id=${name} `).join("");
  const reads = secretNames.map((name) => `${name}="$(cat /run/secrets/${name})"`).join(" ");
  const exports = `export ${reads} && `;
  return {
    plain: `RUN ${mounts} ${exports}`,
    step: `RUN ${mounts} ${exports}`,
    install: `RUN ${mounts} ${INSTALL_CACHE} ${exports}`,
  };
}
