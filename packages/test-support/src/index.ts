export { baseImage, DEFAULT_BASE_IMAGE, registryBaseImage } from "./base-image.js";
export {
  ENGINE_PROBES,
  ENGINES,
  type EngineName,
  type EngineProbe,
  imageStoreOf,
  isBuildkit,
} from "./engines.js";
export { describeFailure, type ExecOptions, type ExecResult, exec } from "./exec.js";
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
export { checkFlagsAgainstHelp, type HelpFlagCheck } from "./help-flags.js";
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
export {
  DEFAULT_RECORDED_ENV,
  parseStandInLog,
  type RecordingStandIn,
  recordingStandIn,
  type StandInCall,
  type StandInOptions,
  standInScript,
} from "./recording-stand-in.js";
export { registryAddress } from "./registry.js";
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
export { type TempDir, tempDir } from "./temp-dir.js";
export { listTree, treeChecksum } from "./tree-checksum.js";
