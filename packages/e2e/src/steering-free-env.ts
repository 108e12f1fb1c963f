/** Variables of the test process that would change what a `bento` run does. */
const STEERING = new Set([
  "BENTOML_CONTAINERIZE_BACKEND",
  "BENTO_BACKEND_PLUGINS",
  "BENTOML_HF_CACHE_DIR",
  "DOCKER_BUILDKIT",
  "FORCE_COLOR",
  "HF_ENDPOINT",
  "HF_HOME",
  "HF_HUB_OFFLINE",
  "HF_TOKEN",
  "XDG_CACHE_HOME",
]);

/** The test process's environment without the variables that would steer a run. */
export function steeringFreeEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !STEERING.has(key)));
}
