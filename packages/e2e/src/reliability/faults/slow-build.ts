import { secretValue } from "../secrets/secret-bento.js";
import { startCli } from "../support/cli.js";
import { writeEngineBento } from "../support/engine-bento.js";
import { waitFor } from "../support/processes.js";
import type { Sandbox } from "../support/sandbox.js";

/** A `bento containerize` with docker of a bento whose RUN `sleep <seconds>` is running. */
export async function slowBuild(box: Sandbox, seconds: number, env: NodeJS.ProcessEnv = {}) {
  const step = `sleep ${seconds}`;
  const dir = await writeEngineBento(box, "slow", { commands: [step], secret: "API_TOKEN" });
  const tag = `bento-relia-slow:${seconds}-${process.pid}`;
  const run = startCli(
    ["containerize", dir, "--backend", "docker", "-t", tag, "--progress", "plain"],
    { env: box.env({ API_TOKEN: secretValue(), ...env }, true), cwd: box.work, timeoutMs: 240_000 },
  );
  await waitFor(
    `the RUN ${step} step`,
    async () => (new RegExp(`RUN .*${step}`).test(run.output()) ? true : undefined),
    180_000,
  );
  return { run, tag, step, dir };
}
