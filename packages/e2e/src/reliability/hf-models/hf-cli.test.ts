import { randomBytes } from "node:crypto";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { type FakeHubRepo, sha256Hex, startFakeHub } from "@bento/test-support";
import { describe, expect, it, onTestFinished } from "vitest";
import { spec2, writeBento } from "../support/bento-files.js";
import { describeRun, unclearError } from "../support/clean-error.js";
import { runCli } from "../support/cli.js";
import { unstable } from "../support/leftovers.js";
import { sandbox } from "../support/sandbox.js";
import { writeStandIn } from "../support/stand-in.js";

// `bento containerize` of a bento with a Hugging Face model, through the CLI with a stand-in
// docker and a loopback hub: two runs at once share one download, and a private model without
// HF_TOKEN is one clear error (exit 2) that leaves nothing behind.

const COMMIT = "d".repeat(40);
const weights = randomBytes(512 * 1024);

function repo(token?: string): FakeHubRepo {
  return {
    id: "acme/tiny",
    refs: { main: COMMIT },
    commits: {
      [COMMIT]: {
        "config.json": { content: "{}" },
        "model.safetensors": { content: weights, lfs: true },
      },
    },
    token,
  };
}

async function scene(token?: string) {
  const box = await sandbox("bento-hf-cli-");
  const hub = await startFakeHub(repo(token), { delayMs: 200 });
  onTestFinished(async () => {
    await hub.close();
    await box.cleanup();
  });
  const docker = await writeStandIn(box.bin, { serverVersion: "20.10.24" });
  const dir = await writeBento(
    join(box.work, "hf"),
    spec2(
      {},
      {
        models: [
          {
            tag: "acme--tiny:feed",
            registry: "huggingface",
            module: "",
            metadata: { model_id: "acme/tiny", revision: "main" },
          },
        ],
      },
    ),
  );
  return { box, hub, docker, dir, env: box.env({ HF_ENDPOINT: hub.endpoint }) };
}

describe("Hugging Face downloads through bento containerize", () => {
  it("two builds at once download each file once, and both build with it", async () => {
    const s = await scene();
    const run = (t: string) =>
      runCli(["containerize", s.dir, "--backend", "docker", "-t", t, "--json"], {
        env: s.env,
        cwd: s.box.work,
      });
    const results = await Promise.all([run("hf:one"), run("hf:two")]);
    for (const result of results) expect(result.exitCode, describeRun(result)).toBe(0);
    expect(s.hub.downloads("config.json")).toHaveLength(1);
    expect(s.hub.downloads("model.safetensors").filter((r) => r.server === "cdn")).toHaveLength(1);
    const blobs = await readdir(join(s.box.hf, "models--acme--tiny", "blobs"));
    expect(blobs).toContain(sha256Hex(weights));
    expect(await s.docker.builds()).toHaveLength(2);
    expect(unstable(await s.box.leftovers())).toEqual([]);
  });

  it("a private model without HF_TOKEN: exit 2 naming HF_TOKEN, no build, nothing left", async () => {
    const s = await scene("hf_private");
    const before = await s.box.snapshot();
    const result = await runCli(["containerize", s.dir, "--backend", "docker"], {
      env: s.env,
      cwd: s.box.work,
    });
    expect(result.exitCode, describeRun(result)).toBe(2);
    expect(unclearError(result.stderr, /acme\/tiny.*HTTP 401.*HF_TOKEN/s)).toBeUndefined();
    expect(await s.docker.builds()).toEqual([]);
    expect(await readdir(s.box.hf)).toEqual([]);
    expect(await s.box.snapshot()).toEqual(before);
    expect(unstable(await s.box.leftovers())).toEqual([]);
  });
});
