import { ENGINES, requireEngine } from "@bento/test-support";
import { afterAll } from "vitest";
import { engineSuite } from "./engine-suite.js";
import { standInSuite } from "./stand-in-suite.js";
import { summaryTable } from "./summary.js";

// Issues 6 and 10: the example bentos through the built `bento` CLI on docker,
// buildx, podman and buildah (FROM the offline base image), nerdctl and buildctl
// against recording stand-ins; one summary table of check × backend at the end.

const runId = `${process.pid}`;
const started = Date.now();

for (const engine of ENGINES) engineSuite(engine, await requireEngine(engine), runId);
standInSuite();

afterAll(() => {
  const seconds = Math.round((Date.now() - started) / 1000);
  console.log(`\nbento e2e on engines: check × backend (${seconds} s)\n${summaryTable()}\n`);
});
