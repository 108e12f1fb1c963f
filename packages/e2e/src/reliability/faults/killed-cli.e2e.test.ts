import { randomInt } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { exec, removeImages, requireEngine, runInImage } from "@bento/test-support";
import { describe, expect, it } from "vitest";
import { secretValue } from "../secrets/secret-bento.js";
import { writeFiles } from "../support/bento-files.js";
import { describeRun } from "../support/clean-error.js";
import { runCli, startCli } from "../support/cli.js";
import { writeEngineBento } from "../support/engine-bento.js";
import { unstable } from "../support/leftovers.js";
import { findProcesses, waitFor } from "../support/processes.js";
import { sandbox } from "../support/sandbox.js";

// `bento containerize` killed outright (SIGKILL: no clean-up runs) while a real engine runs
// its build (quiet progress: an engine printing progress dies of the closed pipe soon after),
// in a RUN `sleep` step of a bento whose context is staged (a store model), with and without a
// build secret. The killed run leaves its engine running, orphaned, and its lock, run folder
// and secret files behind. The bento is then edited (new sources, no sleep) and built again at
// once, with nothing cleaned up by hand: the build takes the tree over (stopping the orphaned
// engine first), the image holds the new sources, and it stays so after the orphan's sleep
// would have ended (no late tag by the orphan); no process of the killed build, lock, run
// folder, secret file or TMPDIR entry of bento's is left.

const CASES = [
  { engine: "docker", secret: false },
  { engine: "docker", secret: true },
  { engine: "podman", secret: false },
] as const;
const SLEEP_S = 25;
const usable = {
  docker: await requireEngine("docker"),
  podman: await requireEngine("podman"),
};

/**
 * What the engine itself leaves in TMPDIR when its build is stopped: buildah (in podman) keeps
 * its RUN step's `buildahNNN` folder (https://github.com/containers/podman/issues/22642). It
 * also keeps the build's working container in its store (`podman ps --external`,
 * https://github.com/containers/podman/issues/14523), which this test cannot tell from the
 * working containers of builds other tests run meanwhile, so it leaves it. And an environment
 * build's `RUN --mount=type=cache` keeps its cache, by design, in `buildah-cache` under TMPDIR
 * (https://github.com/containers/buildah/blob/main/docs/buildah-build.1.md, `--mount`
 * type=cache), whether or not a build was stopped.
 */
const enginesOwn = (engine: string, path: string) =>
  engine === "podman" && /^tmp\/buildah(\d+|-cache)\//.test(path);

/** Whether a process runs `step` (a RUN step's processes are seen from the host). */
const runningStep = async (step: string) =>
  (await findProcesses((args) => args.at(-1)!.includes(step))).length > 0;

const imageId = async (engine: string, tag: string) =>
  (await exec([engine, "image", "inspect", "--format", "{{.Id}}", tag])).stdout.trim();

describe.each(CASES)("bento killed outright mid-build ($engine, secret: $secret)", (test) => {
  const { engine } = test;
  it.skipIf(!usable[engine])(
    "the next run stops the orphaned build, builds the right image and leaves nothing",
    async () => {
      const box = await sandbox(`bento-kill-cli-${engine}-`);
      const tag = `bento-relia-killcli:${engine}${test.secret ? "-s" : ""}-${process.pid}`;
      // A step of its own, so no earlier build's cached layer skips it.
      const step = `sleep ${SLEEP_S}.${randomInt(100_000, 999_999)}`;
      const secret = test.secret ? "API_TOKEN" : undefined;
      try {
        const dir = await writeEngineBento(box, "killed", {
          model: true,
          commands: [step],
          secret,
        });
        await writeFiles(dir, { "src/service.py": 'VERSION = "killed"\n' });
        const env = box.env(secret ? { [secret]: secretValue() } : {}, true);
        const argv = ["containerize", dir, "--backend", engine, "-t", tag, "--progress", "quiet"];
        const killed = startCli(argv, { env, cwd: box.work, timeoutMs: 300_000 });
        await waitFor(
          `the RUN ${step} step`,
          async () => {
            if (killed.child.exitCode !== null) throw new Error(`ended: ${killed.output()}`);
            return (await runningStep(step)) ? true : undefined;
          },
          240_000,
        );
        killed.child.kill("SIGKILL");
        const killedAt = Date.now();
        expect((await killed.result).signal).toBe("SIGKILL");
        expect(await runningStep(step), "the build lives on after bento is killed").toBe(true);
        expect(unstable(await box.leftovers()).length).toBeGreaterThan(0);

        await writeEngineBento(box, "killed", { model: true, secret });
        await writeFiles(dir, { "src/service.py": 'VERSION = "next"\n' });
        const next = await runCli([...argv, "--json"], { env, cwd: box.work, timeoutMs: 300_000 });
        expect(next.exitCode, describeRun(next)).toBe(0);
        const seen = await runInImage(engine, tag, ["cat", "/home/bentoml/bento/src/service.py"]);
        expect(seen.stdout).toBe('VERSION = "next"\n');
        const built = await imageId(engine, tag);

        expect(await findProcesses((args) => args.includes(tag))).toEqual([]);
        // Podman's RUN container is not in podman's process group: stopping podman leaves it
        // to run to its end (https://github.com/containers/podman/issues/14523); nothing commits
        // or tags its result.
        const stepEnd = engine === "podman" ? killedAt + (SLEEP_S + 10) * 1000 - Date.now() : 0;
        await waitFor(
          "the killed build's RUN step to end",
          async () => ((await runningStep(step)) ? undefined : true),
          Math.max(stepEnd, 15_000),
        );
        await sleep(Math.max(0, killedAt + (SLEEP_S + 5) * 1000 - Date.now()));
        expect(await imageId(engine, tag), "the orphaned build tagged its image late").toBe(built);
        expect(unstable(await box.leftovers()).filter((path) => !enginesOwn(engine, path))).toEqual(
          [],
        );
      } finally {
        await removeImages(engine, tag).catch(() => {});
        await box.cleanup();
      }
    },
    600_000,
  );
});
