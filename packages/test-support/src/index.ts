export {
  checkFlagsAgainstHelp,
  DEFAULT_RECORDED_ENV,
  describeFailure,
  type ExecOptions,
  type ExecResult,
  exec,
  FLAGS_SET_BY_BUILD,
  flagsMissingFromTable,
  type HelpFlagCheck,
  helpFlags,
  parseStandInLog,
  type RecordingStandIn,
  recordingStandIn,
  type StandInCall,
  type StandInOptions,
  standInScript,
  type TempDir,
  tableFlags,
  tempDir,
} from "@bento/backend-testing";
export { baseImage, DEFAULT_BASE_IMAGE, registryBaseImage } from "./base-image.js";
export { buildkitTcp } from "./buildkit-tcp.js";
export { containersBuildSample } from "./containers-build-sample.js";
export { type DaemonSpec, startDaemon, type TestDaemon } from "./daemon.js";
export {
  ENGINE_PROBES,
  ENGINES,
  type EngineName,
  type EngineProbe,
  imageStoreOf,
  isBuildkit,
} from "./engines.js";
export {
  type FakeHub,
  type FakeHubFaults,
  type FakeHubFile,
  type FakeHubRepo,
  type FakeHubRequest,
  gitBlobId,
  sha256Hex,
  startFakeHub,
} from "./fake-hub.js";
export { type FreshBuildkitd, startFreshBuildkitd } from "./fresh-buildkitd.js";
export { imageInspect } from "./image-inspect.js";
export {
  type ImageHistoryEntry,
  type ImageInfo,
  normalizeImageId,
  parseDockerInspect,
  parseEnv,
  parsePodmanInspect,
} from "./parse-inspect.js";
export { type RawTarEntry, rawTar } from "./raw-tar.js";
export { registryAddress } from "./registry.js";
export { dockerTcp, podmanService } from "./remote-engines.js";
export { removeImages, removeImagesArgv } from "./remove-images.js";
export {
  EngineMissingError,
  type EngineVerdict,
  engineVerdict,
  isCi,
  probeEngine,
  requireEngine,
  settleVerdict,
} from "./require-engine.js";
export { PODMAN_RUN_FLAGS, runInImage, runInImageArgv } from "./run-in-image.js";
export { listTree, treeChecksum } from "./tree-checksum.js";
