import { exec, removeImages, requireEngine } from "@bento/test-support";
import { describe, expect, it } from "vitest";
import { describeRun } from "../support/clean-error.js";
import { runCli } from "../support/cli.js";
import { writeEngineBento } from "../support/engine-bento.js";
import { unstable } from "../support/leftovers.js";
import { sandbox } from "../support/sandbox.js";
import { stdoutContains } from "../support/stream-search.js";
import { SECRET_NAME, secretValue, sha256 } from "./secret-bento.js";

// A real docker build with a build-stage secret that a RUN step checks (by its digest, so the
// step runs for each new value): the environment's value, not bento.yaml's, reaches the build, and is nowhere afterwards —
// not in `docker save`, `docker history --no-trunc`, `docker inspect`, the logs or --json.

const usable = await requireEngine("docker");

describe.skipIf(!usable)("a build-stage secret on a real docker build", () => {
  it("is used by the build and found in no image byte, history, metadata or output", async () => {
    const box = await sandbox("bento-secret-e2e-");
    const secret = secretValue();
    const tag = `bento-relia-secret:${process.pid}`;
    try {
      const check = `test "$(printf %s "$${SECRET_NAME}" | sha256sum | cut -c1-64)" = ${sha256(secret)}`;
      const dir = await writeEngineBento(box, "secret", {
        secret: SECRET_NAME,
        // bento.yaml's value is only the default (BentoML's os.getenv(name, value)): the
        // RUN step's digest check passes only with the environment's value.
        secretDefault: "stale-value-in-bento-yaml",
        postCommands: [check],
      });
      const result = await runCli(
        ["containerize", dir, "--backend", "docker", "-t", tag, "--progress", "plain", "--json"],
        { env: box.env({ [SECRET_NAME]: secret }, true), cwd: box.work, timeoutMs: 300_000 },
      );
      expect(result.exitCode, describeRun(result)).toBe(0);
      expect(result.stderr).toContain(sha256(secret));
      expect(JSON.parse(result.stdout)).toMatchObject({ tags: [tag] });
      expect(result.stdout).not.toContain(secret);
      expect(result.stderr).not.toContain(secret);
      // The digest (in the RUN step's text) shows that each search reads what it should.
      const digest = sha256(secret);
      expect(await stdoutContains(["docker", "save", tag], [digest, secret])).toEqual([
        true,
        false,
      ]);
      for (const argv of [
        ["docker", "history", "--no-trunc", tag],
        ["docker", "image", "inspect", tag],
      ]) {
        const shown = await exec(argv);
        expect(shown.exitCode, shown.stderr).toBe(0);
        expect(shown.stdout).toMatch(argv[1] === "history" ? digest : "ai.bentoml.bento");
        expect(shown.stdout).not.toContain(secret);
      }
      expect(unstable(await box.leftovers())).toEqual([]);
    } finally {
      await removeImages("docker", tag);
      await box.cleanup();
    }
  });
});
