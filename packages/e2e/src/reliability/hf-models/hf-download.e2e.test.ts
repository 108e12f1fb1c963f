import { randomBytes } from "node:crypto";
import { join } from "node:path";
import {
  baseImage,
  removeImages,
  requireEngine,
  runInImage,
  sha256Hex,
  startFakeHub,
} from "@bento/test-support";
import { describe, expect, it } from "vitest";
import { spec2, writeBento } from "../support/bento-files.js";
import { describeRun } from "../support/clean-error.js";
import { runCli } from "../support/cli.js";
import { unstable } from "../support/leftovers.js";
import { sandbox } from "../support/sandbox.js";

// A bento with a `registry: huggingface` model that no cache holds: `bento containerize`
// downloads it from a loopback hub (HF_ENDPOINT) into the hub cache, and the real docker
// build puts it in the image under hf-models/, links and all. A rebuild downloads nothing.

const usable = await requireEngine("docker");
const COMMIT = "c".repeat(40);

describe.skipIf(!usable)("a Hugging Face model downloaded at containerize time", () => {
  it("is fetched into the hub cache and built into the image under hf-models/", async () => {
    const box = await sandbox("bento-hf-e2e-");
    const weights = randomBytes(256 * 1024);
    const hub = await startFakeHub({
      id: "acme/tiny",
      refs: { main: COMMIT },
      commits: {
        [COMMIT]: {
          "config.json": { content: '{"hidden": 8}' },
          "model.safetensors": { content: weights, lfs: true },
          "notes/README.md": { content: "left out by exclude\n" },
        },
      },
    });
    const tag = `bento-relia-hf:${process.pid}`;
    try {
      const dir = await writeBento(
        join(box.work, "hf"),
        spec2(
          { base_image: baseImage() },
          {
            models: [
              {
                tag: "acme--tiny:0123456789abcdef",
                registry: "huggingface",
                module: "",
                metadata: { model_id: "acme/tiny", revision: COMMIT, exclude: ["notes/"] },
              },
            ],
          },
        ),
      );
      const env = box.env({ HF_ENDPOINT: hub.endpoint }, true);
      const argv = ["containerize", dir, "--backend", "docker", "-t", tag, "--progress", "plain"];
      const first = await runCli(argv, { env, cwd: box.work, timeoutMs: 300_000 });
      expect(first.exitCode, describeRun(first)).toBe(0);
      expect(first.stdout + first.stderr).toContain(
        "download: acme/tiny@ccccccc done (2 files, 256 KiB)",
      );

      const snapshot = `/home/bentoml/bento/hf-models/models--acme--tiny/snapshots/${COMMIT}`;
      const listed = await runInImage("docker", tag, [
        "sh",
        "-c",
        `cd ${snapshot} && find . | sort && sha256sum config.json model.safetensors && readlink model.safetensors`,
      ]);
      expect(listed.stdout).toContain(`${sha256Hex('{"hidden": 8}')}  config.json`);
      expect(listed.stdout).toContain(`${sha256Hex(weights)}  model.safetensors`);
      expect(listed.stdout).toContain(`../../blobs/${sha256Hex(weights)}`);
      expect(listed.stdout).not.toContain("notes");

      const requests = hub.requests.length;
      const again = await runCli(argv, { env, cwd: box.work, timeoutMs: 300_000 });
      expect(again.exitCode, describeRun(again)).toBe(0);
      expect(again.stdout + again.stderr).not.toContain("download:");
      expect(hub.requests.length).toBe(requests);
      expect(unstable(await box.leftovers())).toEqual([]);
    } finally {
      await removeImages("docker", tag);
      await hub.close();
      await box.cleanup();
    }
  });
});
