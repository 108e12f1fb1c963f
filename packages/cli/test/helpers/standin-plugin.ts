import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Sandbox } from "./sandbox.js";

/** Name of the third-party plugin package the tests install into a sandbox. */
export const PLUGIN = "bento-backend-standin";

/** The image id the stand-in writes to `--iidfile`. */
export const STANDIN_IMAGE_ID = `sha256:${"ab".repeat(32)}`;

// A backend as a third party would write it: its own option table, argv from core's helper.
const PLUGIN_SOURCE = `
import { defineBackend, parseIidfile, registerBackend, standardBuildArgs } from "@bento/container-core";

const options = {
  buildArg: { kind: "pairs", separator: "=", doc: "Build-time variables" },
  label: { kind: "pairs", separator: "=", doc: "Image labels" },
  noCache: { kind: "boolean", doc: "Do not use the cache" },
  iidfile: { kind: "string", path: true, doc: "Write the image id here" },
  platform: { kind: "list", doc: "Target platforms" },
  shmSize: { kind: "number", doc: "Size of /dev/shm" },
};

registerBackend(
  defineBackend("standin", {
    source: "${PLUGIN}",
    description: "recording stand-in",
    binary: "standin-build",
    buildkitSupport: false,
    options,
    capabilities: { load: true, imageIdOutput: true, reproducibleTimestamps: true },
    imageId: { option: "iidfile", parse: parseIidfile },
    diagnose: async (context) => {
      const binary = context.which("standin-build");
      return binary
        ? { backend: "standin", healthy: true, binary, version: "1.0.0" }
        : { backend: "standin", healthy: false, reason: "standin-build is not on PATH", hint: "Put it on PATH." };
    },
    constructBuildArgs: (input) => {
      // A bug on demand, to see how the CLI reports what is not a BentoError.
      if (process.env.STANDIN_ARGS_BUG) throw new TypeError("input.tag.flatMap is not a function");
      return standardBuildArgs(options, input);
    },
  }),
);
`;

// The build binary: records its argv, then succeeds, fails or sleeps as STANDIN_MODE says.
const BUILD_SOURCE = `
const fs = require("node:fs");
const argv = process.argv.slice(2);
fs.appendFileSync(process.env.STANDIN_LOG, JSON.stringify(argv) + "\\n");
const mode = process.env.STANDIN_MODE || "ok";
if (mode === "sleep") {
  fs.writeFileSync(process.env.STANDIN_PIDFILE, String(process.pid));
  setInterval(() => {}, 1000);
} else if (mode === "fail") {
  console.log("STEP 1/2: FROM python:3.11-slim");
  console.error("boom: no space left on device");
  process.exitCode = 3;
} else {
  console.log("STEP 1/2: FROM python:3.11-slim");
  console.log("STEP 2/2: COPY . .");
  const at = argv.indexOf("--iidfile");
  if (at !== -1) fs.writeFileSync(argv[at + 1], "${STANDIN_IMAGE_ID}\\n");
}
`;

/** Installs the plugin package into the sandbox's node_modules and its build binary on its PATH. */
export async function installStandinPlugin(box: Sandbox): Promise<void> {
  await box.linkCore();
  const dir = join(box.root, "node_modules", PLUGIN);
  await mkdir(dir, { recursive: true });
  const pkg = { name: PLUGIN, type: "module", exports: { ".": { import: "./index.js" } } };
  await writeFile(join(dir, "package.json"), JSON.stringify(pkg));
  await writeFile(join(dir, "index.js"), PLUGIN_SOURCE);
  await box.standIn("standin-build", BUILD_SOURCE);
}

/** The argv of each call of the stand-in build binary (after the binary). */
export async function standinCalls(log: string): Promise<string[][]> {
  const text = await readFile(log, "utf8").catch(() => "");
  return text
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as string[]);
}
