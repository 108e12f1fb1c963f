export { describeFailure, type ExecOptions, type ExecResult, exec } from "./exec.js";
export {
  checkFlagsAgainstHelp,
  FLAGS_SET_BY_BUILD,
  flagsMissingFromTable,
  type HelpFlagCheck,
  helpFlags,
  tableFlags,
} from "./help-flags.js";
export {
  DEFAULT_RECORDED_ENV,
  parseStandInLog,
  type RecordingStandIn,
  recordingStandIn,
  type StandInCall,
  type StandInOptions,
  standInScript,
} from "./recording-stand-in.js";
export { type TempDir, tempDir } from "./temp-dir.js";
