export { describeFailure, type ExecOptions, type ExecResult, exec } from "./exec.js";
export { checkFlagsAgainstHelp, type HelpFlagCheck } from "./help-flags.js";
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
