import { chmod, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { type StandInBehaviour, standInScript } from "./stand-in-script.js";

/** A `--secret` file as the stand-in saw it during the build. */
export interface SecretSeen {
  id: string;
  src: string;
  fileMode: number;
  dirMode: number;
  sha256: string;
}

/** One call of a stand-in engine. */
export type StandInCall =
  | { kind: "version" | "other"; argv: string[] }
  | {
      kind: "build";
      argv: string[];
      secrets: SecretSeen[];
      pid: number;
      childPid: number;
      cwd: string;
    };

/** A stand-in docker written into a bin directory, and what it was asked. */
export interface StandIn {
  path: string;
  calls(): Promise<StandInCall[]>;
  builds(): Promise<Extract<StandInCall, { kind: "build" }>[]>;
}

/** Writes a stand-in `docker` into `binDir` behaving as `behaviour` says. */
export async function writeStandIn(
  binDir: string,
  behaviour: StandInBehaviour = { serverVersion: "20.10.24" },
): Promise<StandIn> {
  const path = join(binDir, "docker");
  const logPath = join(binDir, "docker.calls.jsonl");
  await writeFile(logPath, "");
  await writeFile(path, standInScript(process.execPath, logPath, behaviour));
  await chmod(path, 0o755);
  const calls = async () =>
    (await readFile(logPath, "utf8"))
      .split("\n")
      .filter((line) => line !== "")
      .map((line) => JSON.parse(line) as StandInCall);
  return {
    path,
    calls,
    builds: async () =>
      (await calls()).filter(
        (call): call is Extract<StandInCall, { kind: "build" }> => call.kind === "build",
      ),
  };
}
