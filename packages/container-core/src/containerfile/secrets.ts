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

/**
 * How spec 2 `RUN` lines that get build-stage secrets begin. BentoML gives
 * them to the `commands`, the uv bootstrap and venv, the requirements install
 * and `post_commands`; not to useradd, mkdir or chmod.
 */
export interface RunPrefixes {
  /** Start of a step's RUN line, before the command. */
  step: string;
  /** Start of the requirements install's RUN line (secrets and the uv cache mount). */
  install: string;
  /** Put after the install line's `fi; `, before `uv` (BentoML's placement). */
  installExports: string;
}

const INSTALL_CACHE = "--mount=type=cache,sharing=locked,target=/root/.cache/";

/**
 * RUN prefixes mounting each secret and setting it for the command. `compat`
 * writes BentoML's `NAME="$(cat ...)" command`, which reaches only the first
 * simple command of the line; `layered` writes `export NAME=... && command`,
 * which reaches every command of it.
 */
export function runPrefixes(
  secretNames: readonly string[],
  enableBuildkit: boolean,
  layout: "compat" | "layered",
): RunPrefixes {
  if (!enableBuildkit) {
    if (secretNames.length > 0)
      throw new ContainerfileError(
        `Build-stage envs (${secretNames.join(", ")}) need BuildKit secrets, and BuildKit is off`,
        {
          hint: "Use a BuildKit backend (docker, buildx, nerdctl, buildctl) with DOCKER_BUILDKIT unset or 1, or change the envs' stage.",
        },
      );
    return { step: "RUN ", install: "RUN ", installExports: "" };
  }
  const mounts = secretNames.map((name) => `--mount=type=secret,id=${name} `).join("");
  const reads = secretNames.map((name) => `${name}="$(cat /run/secrets/${name})" `).join("");
  if (layout === "compat" || secretNames.length === 0)
    return {
      step: `RUN ${mounts} ${reads}`,
      install: `RUN ${mounts} ${INSTALL_CACHE} `,
      installExports: reads,
    };
  const exports = `export ${reads}&& `;
  return {
    step: `RUN ${mounts} ${exports}`,
    install: `RUN ${mounts} ${INSTALL_CACHE} ${exports}`,
    installExports: "",
  };
}
