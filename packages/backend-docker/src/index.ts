import { cliImageStore, defineBackend, ensureBackend, parseIidfile } from "@bento/container-core";
import { dockerBuildArgs } from "./args.js";
import { dockerBuildCommand } from "./command.js";
import { dockerFingerprint } from "./fingerprint.js";
import { diagnoseDocker } from "./health.js";
import { DOCKER_ENV, type DockerOptions, dockerCapabilities, dockerOptions } from "./options.js";

export { dockerBuildArgs } from "./args.js";
export { dockerBuildCommand, FORWARDING_CLI } from "./command.js";
export { diagnoseDocker } from "./health.js";
export { DOCKER_ENV, type DockerOptions, dockerCapabilities, dockerOptions } from "./options.js";
export { MIN_DOCKER_SERVER } from "./server.js";

declare module "@bento/container-core" {
  interface BackendOptionsMap {
    docker: DockerOptions;
  }
}

/**
 * The docker backend: `docker build` with BuildKit, called as `docker buildx
 * build` where the CLI would forward it there. Registered on import.
 */
export const dockerBackend = defineBackend<DockerOptions>("docker", {
  source: "@bento/backend-docker",
  description: "docker build (BuildKit)",
  buildkitSupport: true,
  env: DOCKER_ENV,
  options: dockerOptions,
  capabilities: dockerCapabilities,
  imageId: { option: "iidfile", parse: parseIidfile },
  imageStore: cliImageStore,
  diagnose: diagnoseDocker,
  healthFingerprint: (context) => dockerFingerprint(context),
  constructBuildArgs: dockerBuildArgs,
  buildCommandFor: (context) => dockerBuildCommand(context),
});

ensureBackend(dockerBackend);
