import { which } from "@bento/container-core";
import { baseImage, exec, isCi, requireEngine } from "@bento/test-support";
import { describe, expect, it } from "vitest";
import { describeRun, unclearError } from "../support/clean-error.js";
import { runCli } from "../support/cli.js";
import { writeEngineBento } from "../support/engine-bento.js";
import { unstable } from "../support/leftovers.js";
import { waitFor } from "../support/processes.js";
import { sandbox } from "../support/sandbox.js";
import { buildLeftovers } from "./build-processes.js";
import { loadImage, startPrivateDockerd } from "./private-dockerd.js";
import { slowBuild } from "./slow-build.js";

// The docker daemon dying mid-build. Not the shared dockerd: a second one with its own data
// root, exec root, pidfile and socket, holding a copy of the base image, killed during RUN sleep.

const usable = await requireEngine("docker");
const hasDockerd = which("dockerd") !== undefined;
if (usable && !hasDockerd) {
  const message = "dockerd is not on PATH, so no private daemon can be started";
  if (isCi(process.env)) throw new Error(`CI needs it: ${message}`);
  console.warn(`Skipping the daemon-crash test: ${message}`);
}

describe.skipIf(!usable || !hasDockerd)("the docker daemon dies mid-build", () => {
  it("bento containerize exits 1 with the daemon's own words, nothing left", async () => {
    const daemon = await startPrivateDockerd();
    const box = await sandbox("bento-crash-");
    try {
      await loadImage(daemon.host, baseImage());
      const { run, tag } = await slowBuild(box, 26, { DOCKER_HOST: daemon.host });
      await daemon.crash();
      const result = await run.result;
      expect(result.exitCode, describeRun(result)).toBe(1);
      expect(
        unclearError(result.stderr, /docker (?:buildx )?build.*exit code: 1/s),
      ).toBeUndefined();
      expect(result.stdout + result.stderr).toMatch(
        /error reading from server|Cannot connect to the Docker daemon|connection reset|EOF/,
      );
      await waitFor(
        "the build's client processes to end",
        async () => ((await buildLeftovers(tag)).length === 0 ? true : undefined),
        30_000,
      );
      expect(unstable(await box.leftovers())).toEqual([]);
      const said = result.stderr.trim().split("\n").slice(-3).join("\n");
      console.info(`A daemon crash, as the user sees it:\n${said}`);
    } finally {
      await box.cleanup();
      await daemon.cleanup();
    }
    // The shared daemon's bridge survived the private one.
    expect((await exec(["ip", "link", "show", "docker0"])).exitCode).toBe(0);
  });

  it("a daemon already down before the build: exit 3 naming the probe and the daemon", async () => {
    const box = await sandbox("bento-down-");
    try {
      const dir = await writeEngineBento(box, "bento");
      const host = `unix://${box.root}/no-daemon.sock`;
      const result = await runCli(["containerize", dir, "--backend", "docker"], {
        env: box.env({ DOCKER_HOST: host }, true),
        cwd: box.work,
      });
      expect(result.exitCode, describeRun(result)).toBe(3);
      expect(
        unclearError(result.stderr, /docker version.*no-daemon\.sock.*Start the Docker daemon/s),
        describeRun(result),
      ).toBeUndefined();
      expect(await box.leftovers()).toEqual([]);
    } finally {
      await box.cleanup();
    }
  });
});
