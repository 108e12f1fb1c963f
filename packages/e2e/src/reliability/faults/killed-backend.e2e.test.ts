import { AbortedError, build } from "@bento/container-core";
import "@bento/backend-docker";
import { requireEngine } from "@bento/test-support";
import { describe, expect, it } from "vitest";
import { secretValue } from "../secrets/secret-bento.js";
import { describeRun, unclearError } from "../support/clean-error.js";
import { writeEngineBento } from "../support/engine-bento.js";
import { unstable } from "../support/leftovers.js";
import { waitFor } from "../support/processes.js";
import { sandbox } from "../support/sandbox.js";
import { withTmpdir } from "../support/with-tmpdir.js";
import { buildLeftovers, dockerBuildOf } from "./build-processes.js";
import { slowBuild } from "./slow-build.js";

// A real docker build stopped during a slow RUN step: by killing `docker build`, by Ctrl+C to
// `bento containerize`, by an AbortSignal. Each ends with a clear error, no process of the
// build left (CLI, buildx plugin, the RUN step), no secret or run-* dir left.

const usable = await requireEngine("docker");

async function expectNothingLeft(tag: string, step: string, leftovers: () => Promise<string[]>) {
  await waitFor(
    "every process of the build to end",
    async () => ((await buildLeftovers(tag, step)).length === 0 ? true : undefined),
    30_000,
  );
  expect(unstable(await leftovers())).toEqual([]);
}

describe.skipIf(!usable)("a docker build stopped midway", () => {
  it("docker build killed: exit 1 naming the command and the signal", async () => {
    const box = await sandbox("bento-kill-");
    try {
      const { run, tag, step } = await slowBuild(box, 21);
      const docker = await waitFor("the docker build process", () => dockerBuildOf(tag));
      process.kill(docker.pid, "SIGKILL");
      const result = await run.result;
      expect(result.exitCode, describeRun(result)).toBe(1);
      expect(
        unclearError(result.stderr, /docker (?:buildx )?build.*(?:SIGKILL|137)/s),
        describeRun(result),
      ).toBeUndefined();
      await expectNothingLeft(tag, step, box.leftovers);
    } finally {
      await box.cleanup();
    }
  });

  it("Ctrl+C to bento containerize: exit 130, the backend's process tree stopped", async () => {
    const box = await sandbox("bento-sigint-");
    try {
      const { run, tag, step } = await slowBuild(box, 22);
      run.child.kill("SIGINT");
      const result = await run.result;
      expect(result.exitCode, describeRun(result)).toBe(130);
      expect(unclearError(result.stderr, /interrupt/i), describeRun(result)).toBeUndefined();
      await expectNothingLeft(tag, step, box.leftovers);
    } finally {
      await box.cleanup();
    }
  });

  it("AbortSignal from the API: AbortedError, the backend's process tree stopped", async () => {
    const box = await sandbox("bento-abort-");
    try {
      const step = "sleep 23";
      const dir = await writeEngineBento(box, "slow", { commands: [step], secret: "API_TOKEN" });
      const tag = `bento-relia-slow:23-${process.pid}`;
      const controller = new AbortController();
      let running = false;
      const error = await withTmpdir(box.tmp, async () => {
        const pending = build(dir, {
          backend: "docker",
          imageTag: tag,
          env: box.env({ API_TOKEN: secretValue() }, true),
          signal: controller.signal,
          onEvent: (event) => {
            if (event.type === "log" && event.line.includes(`RUN`) && event.line.includes(step))
              running = true;
          },
        }).then(
          () => undefined,
          (e: unknown) => e,
        );
        await waitFor(`the RUN ${step} step`, async () => (running ? true : undefined), 180_000);
        controller.abort();
        return pending;
      });
      expect(error).toBeInstanceOf(AbortedError);
      expect(error).toMatchObject({ code: "E_ABORTED", exitCode: 130 });
      await expectNothingLeft(tag, step, box.leftovers);
    } finally {
      await box.cleanup();
    }
  });
});
