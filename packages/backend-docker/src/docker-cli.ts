// The `@bento/backend-docker/docker-cli` entry: the docker CLI knowledge the buildx backend
// shares with docker's. Importing it registers no backend.
export { dockerConfigDir } from "./cli-config.js";
export { dockerFingerprint } from "./fingerprint.js";
export {
  DOCKER_MISSING,
  type DockerServerAnswer,
  dockerServerVersion,
  MIN_DOCKER_SERVER,
  serverTooOld,
} from "./server.js";
