/** How a stand-in engine behaves; baked into its script as JSON. */
export interface StandInBehaviour {
  /** What `docker version` prints (JSON string); `undefined` makes it fail like a stopped daemon. */
  serverVersion?: string;
  /** Exit code of a build; 0 by default. */
  buildExitCode?: number;
  /** How long a build takes, in milliseconds. */
  buildSleepMs?: number;
  /** Lines a build prints on stderr. */
  buildOutput?: readonly string[];
}

/**
 * The source of a stand-in `docker` (pure): answers the health probes, and on `build`
 * logs its argv, the mode of every `--secret` file and its directory, its own pid and a
 * child's pid (to prove a whole tree is stopped), writes the `--iidfile`, then sleeps
 * and exits as told. Every call appends one JSON line to `logPath`.
 */
export function standInScript(nodePath: string, logPath: string, b: StandInBehaviour): string {
  const config = JSON.stringify({ logPath, ...b });
  return `#!${nodePath}
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const crypto = require("node:crypto");
const { spawn } = require("node:child_process");
const config = ${config};
const argv = process.argv.slice(2);
const log = (record) => fs.appendFileSync(config.logPath, JSON.stringify(record) + "\\n");
if (argv[0] === "version") {
  log({ kind: "version", argv });
  if (config.serverVersion === undefined) {
    process.stderr.write("Cannot connect to the Docker daemon at unix:///stand-in.sock. Is the docker daemon running?\\n");
    process.exit(1);
  }
  process.stdout.write(JSON.stringify(config.serverVersion) + "\\n");
  process.exit(0);
}
if (argv[0] !== "build" || argv.includes("--help")) {
  log({ kind: "other", argv });
  process.exit(0);
}
const values = (flag) => argv.flatMap((arg, i) =>
  arg === flag ? [argv[i + 1]] : arg.startsWith(flag + "=") ? [arg.slice(flag.length + 1)] : []);
const secrets = values("--secret").map((spec) => {
  const fields = Object.fromEntries(spec.split(",").map((kv) => [kv.split("=")[0], kv.slice(kv.indexOf("=") + 1)]));
  const file = fields.src;
  const info = fs.statSync(file);
  return {
    id: fields.id,
    src: file,
    fileMode: info.mode & 0o777,
    dirMode: fs.statSync(path.dirname(file)).mode & 0o777,
    sha256: crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex"),
  };
});
const child = spawn(process.execPath, ["-e", "setTimeout(() => {}, 120000)"], { stdio: "ignore" });
log({ kind: "build", argv, secrets, pid: process.pid, childPid: child.pid, cwd: process.cwd() });
for (const line of config.buildOutput ?? []) process.stderr.write(line + "\\n");
for (const file of values("--iidfile")) fs.writeFileSync(file, "sha256:" + "ab".repeat(32));
setTimeout(() => {
  child.kill();
  process.exit(config.buildExitCode ?? 0);
}, config.buildSleepMs ?? 0);
`;
}
